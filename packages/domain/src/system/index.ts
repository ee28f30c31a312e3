/** System status: what the API, the web and the command line may use (`@innspill/domain`). */
export { getSystemStatus, runOverdueCheck } from "./status";
