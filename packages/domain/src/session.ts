/**
 * Sessions (`@innspill/domain/session`): logging in, re-authenticating through the identity provider, and turning a
 * session's user id into an acting user. Used by `@innspill/auth` (and the command line's `--as`); these run before
 * there is an actor, so they are kept out of the main entry. So is making an installation's first organisation and
 * administrator (`bootstrapInstallation`, the command line's first `users add --organisation`).
 */
export { authenticateUser, bootstrapInstallation, getActiveActor } from "./users/accounts";
export { endSession, SESSION_ABSOLUTE_MS, startSession } from "./users/sessions";
export { signInWithOidc } from "./users/oidc";
export {
  authenticateWithPasskey,
  passkeyLoginOptions,
  relyingPartyOf,
  type RelyingParty,
} from "./users/passkeys";
