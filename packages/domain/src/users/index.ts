/** Users: what the API, the web and the command line may use (`@innspill/domain`). */
export {
  activateUser,
  changeOwnPassword,
  createUser,
  deactivateUser,
  listUsers,
  resetUserPassword,
  setUserActive,
} from "./accounts";
export { changeOwnPasswordInput, createUserInput, resetPasswordInput, userIdInput } from "./schemas";
export {
  listMyPasskeys,
  passkeyIdInput,
  passkeyRegistrationOptions,
  registerPasskey,
  registerPasskeyInput,
  removeMyPasskey,
  type RelyingParty,
} from "./passkeys";
