/** Messages and labels: what the API, the web and the command line may use (`@innspill/domain`). */
export { domainMessages } from "./messages";
