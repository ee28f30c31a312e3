/** Archive (Noark 5): what the API, the web and the command line may use (`@innspill/domain`). */
export { exportNoark, exportNoarkPeriod, type NoarkPackage, PACKAGE_FOLDER } from "./export";
export { pdfaLevel } from "./formats";
export { hearingScreeningInput, setHearingScreening } from "./screening";
export { noarkZipStream } from "./zip";
