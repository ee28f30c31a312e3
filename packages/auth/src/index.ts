import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@innspill/db";
import { createLogger } from "@innspill/log";
import { isAppError, type Actor } from "@innspill/domain";
import {
  authenticateUser,
  authenticateWithPasskey,
  endSession,
  getActiveActor,
  passkeyLoginOptions,
  signInWithOidc,
} from "@innspill/domain/session";
import { relyingParty } from "./relying-party";
import { baseAuthConfig } from "./config";
import { clientAddressFrom } from "./client-address";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, readDevice, signDevice } from "./device-cookie";
import { cookiesOf, readSessionToken } from "./session-token";
import { env, oidc } from "./env";

const authLogger = createLogger("auth");

export { oidcEnabled } from "./env";
export { relyingParty } from "./relying-party";

/** The passkey login's provider id (its callback is /api/auth/callback/passkey). */
export const PASSKEY_PROVIDER = "passkey";

/** The options for «Logg inn med passnøkkel»: a fresh challenge the server keeps (single use, two minutes). */
export async function beginPasskeyLogin(headers: Headers) {
  const rp = relyingParty({ headers });
  if (!rp) throw new Error("No relying party: set PUBLIC_URL");
  return passkeyLoginOptions(getDb(), rp);
}

/** The single sign-on provider's id in next-auth (its callback is /api/auth/callback/oidc). */
export const OIDC_PROVIDER = "oidc";
/** Set by the signing page's «Bekreft med ny innlogging»: the login that comes back is a re-authentication. */
export const REAUTH_COOKIE = "innspill-reauth";
/** Its name on the login button. */
export const oidcName = oidc?.name ?? null;
export * from "./roles";

/** Thrown to the login form; `code` picks the Norwegian message. */
class LoginError extends CredentialsSignin {
  constructor(code: "invalid" | "throttled" | "passkeyFailed" | "passkeyUnknown" | "passkeyExpired") {
    super();
    this.code = code;
  }
}

/** The client's address from the configured trusted proxies (TRUSTED_PROXY_HOPS), never from the client's word. */
export function clientIp(request: Pick<Request, "headers"> | undefined): string | null {
  return clientAddressFrom(request?.headers, env.TRUSTED_PROXY_HOPS);
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...baseAuthConfig,
  secret: env.AUTH_SECRET,
  events: {
    // Logout ends the session on the server: a copy of the cookie is refused from now on.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(getDb(), sid);
    },
  },
  logger: {
    // A wrong password is an ordinary event (it is recorded and throttled in the domain), not a server error.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      authLogger.error({ err: error, cause: (error as { cause?: unknown }).cause }, "auth error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        try {
          // The browser she has logged in from before has its own throttle bucket (device-cookie.ts).
          const jar = await cookies();
          const secret = env.AUTH_SECRET;
          const device = secret ? readDevice(secret, jar.get(DEVICE_COOKIE)?.value) : null;
          const user = await authenticateUser(getDb(), credentials, { ip: clientIp(request), device });
          return loggedIn(jar, secret, request, user);
        } catch (err) {
          if (isAppError(err)) {
            const reason = err.code === "TOO_MANY_REQUESTS" ? "throttled" : "invalid";
            // One line per failed login, for whoever looks after the server (the address, not the password; the
            // attempt is also recorded and throttled in the domain).
            authLogger.warn({ event: "login.failed", reason, ip: clientIp(request) }, "login failed");
            throw new LoginError(reason);
          }
          throw err;
        }
      },
    }),
    // A passkey: the browser's assertion (JSON), checked against a login challenge the server issued.
    Credentials({
      id: PASSKEY_PROVIDER,
      name: "Passkey",
      credentials: { response: { type: "text" } },
      async authorize(credentials, request) {
        try {
          const jar = await cookies();
          const secret = env.AUTH_SECRET;
          const device = secret ? readDevice(secret, jar.get(DEVICE_COOKIE)?.value) : null;
          let response: unknown;
          try {
            response = JSON.parse(String(credentials.response ?? "").slice(0, 100_000));
          } catch {
            throw new LoginError("passkeyFailed");
          }
          const rp = relyingParty(request);
          if (!rp) throw new LoginError("passkeyFailed");
          const user = await authenticateWithPasskey(getDb(), { response }, rp, {
            ip: clientIp(request),
            device,
          });
          return loggedIn(jar, secret, request, user);
        } catch (err) {
          if (err instanceof LoginError) throw err;
          if (isAppError(err) && err.code === "TOO_MANY_REQUESTS") throw new LoginError("throttled");
          if (isAppError(err) && err.message === "passkeyUnknown") throw new LoginError("passkeyUnknown");
          if (isAppError(err) && err.message === "passkeyChallengeInvalid")
            throw new LoginError("passkeyExpired");
          if (isAppError(err)) throw new LoginError("passkeyFailed");
          throw err;
        }
      },
    }),
    ...(oidc
      ? [
          {
            id: OIDC_PROVIDER,
            name: oidc.name,
            type: "oidc" as const,
            issuer: oidc.issuer,
            clientId: oidc.clientId,
            clientSecret: oidc.clientSecret,
            checks: ["pkce" as const, "state" as const, "nonce" as const],
            authorization: { params: { scope: "openid profile email" } },
            // The ID token's claims, kept whole for the sign-in callback (issuer, subject, auth_time).
            profile: (claims: Record<string, unknown>) => ({
              id: String(claims.sub),
              email: typeof claims.email === "string" ? claims.email : null,
              name: typeof claims.name === "string" ? claims.name : null,
            }),
          },
        ]
      : []),
  ],
  callbacks: {
    ...baseAuthConfig.callbacks,
    async signIn({ user, account, profile }) {
      if (account?.provider === "credentials" || account?.provider === PASSKEY_PROVIDER) return true;
      if (account?.provider !== OIDC_PROVIDER || !profile) return false;
      // Matched on the issuer and the stable subject of the verified ID token, never on the e-mail claim alone.
      // Only a login the signing page asked for (prompt=login) counts as re-authentication for signing.
      const jar = await cookies();
      const reauth = jar.get(REAUTH_COOKIE)?.value === "1";
      if (reauth) jar.delete(REAUTH_COOKIE);
      try {
        const known = await signInWithOidc(
          getDb(),
          {
            issuer: typeof profile.iss === "string" ? profile.iss : oidc!.issuer,
            subject: String(profile.sub ?? ""),
            email: typeof profile.email === "string" ? profile.email : null,
            // Verified only when the provider says so: `email_verified`, or Entra ID's `xms_edov` (the address's
            // domain is verified for the tenant), an optional claim to switch on in the app registration.
            emailVerified: profile.email_verified === true || profile.xms_edov === true,
            authTime: typeof profile.auth_time === "number" ? profile.auth_time : null,
            reauth,
          },
          undefined,
          oidc!.organisations,
        );
        user.id = known.id;
        user.role = known.role;
        user.name = known.name;
        user.email = known.email;
        user.sessionVersion = known.sessionVersion;
        user.sessionId = known.sessionId;
        // The re-authentication's login replaces this browser's session: the one it had ends on the server.
        const previous = env.AUTH_SECRET ? await readSessionToken(jar, env.AUTH_SECRET) : null;
        if (previous?.sessionId) await endSession(getDb(), previous.sessionId);
        return true;
      } catch (err) {
        if (isAppError(err))
          return `/login?error=${err.message === "oidcDeactivated" ? "Deactivated" : "NotRegistered"}`;
        throw err;
      }
    },
  },
});

/**
 * The acting user of the current request, loaded fresh from the database: a deactivated user, a changed role or a
 * changed or reset password (the session's version) takes effect at once, whatever the session cookie says. Null
 * without a valid session. With `headers`, the cookies are read from them (the tRPC handler, which the production
 * server calls outside Next.js's request scope); without, from Next.js's request.
 */
export async function getSessionActor(headers?: Headers): Promise<(Actor & { email: string }) | null> {
  const claims = env.AUTH_SECRET
    ? await readSessionToken(headers ? cookiesOf(headers) : await cookies(), env.AUTH_SECRET)
    : await auth().then((s) =>
        s?.user?.id
          ? {
              userId: s.user.id,
              sessionVersion: s.user.sessionVersion ?? -1,
              sessionId: s.user.sessionId ?? null,
            }
          : null,
      );
  if (!claims) return null;
  // A session from before session versions or server sessions (none in it) has ended too.
  return getActiveActor(getDb(), claims.userId, { version: claims.sessionVersion, id: claims.sessionId });
}

/**
 * A login that succeeded (password or passkey): the browser's device cookie (its own throttle bucket next time) and
 * the session's user.
 */
function loggedIn(
  jar: Awaited<ReturnType<typeof cookies>>,
  secret: string | undefined,
  request: Request,
  user: Awaited<ReturnType<typeof authenticateUser>>,
) {
  if (secret)
    jar.set(DEVICE_COOKIE, signDevice(secret, { id: user.deviceId, userId: user.id }), {
      httpOnly: true,
      sameSite: "lax",
      secure: new URL(request.url).protocol === "https:",
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE,
    });
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    sessionVersion: user.sessionVersion,
    sessionId: user.sessionId,
  };
}
