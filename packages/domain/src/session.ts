/**
 * Sessions (`@innspill/domain/session`): logging in, re-authenticating through the identity provider, and turning a
 * session's user id into an acting user. Used by `@innspill/auth` (and the command line's `--as`); these run before
 * there is an actor, so they are kept out of the main entry.
 */
export {
  authenticateUser,
  endSession,
  getActiveActor,
  LOGIN_THROTTLE,
  LoginRateCap,
  SESSION_ABSOLUTE_MS,
  startSession,
} from "./users/index";
export { signInWithOidc, type OidcClaims } from "./users/oidc";
export {
  authenticateWithPasskey,
  passkeyLoginInput,
  passkeyLoginOptions,
  relyingPartyOf,
  type RelyingParty,
} from "./users/passkeys";
