/** Dates in Europe/Oslo and working days: what the API, the web and the command line may use (`@innspill/domain`). */
export { addDaysToDateOnly, formatDate, osloDate } from "./dates";
