/** Who may do what: what the API, the web and the command line may use (`@innspill/domain`). */
export { type Actor } from "./actor";
export { type Action, isAction, PERMISSIONS, roleMay } from "./permissions";
