import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { getDb } from "@innspill/db";
import { createLogger } from "@innspill/log";
import { isAppError, type Actor } from "@innspill/domain";
import { authenticateUser, getActiveActor, recordOidcLogin } from "@innspill/domain/session";
import { baseAuthConfig } from "./config";
import { clientAddressFrom } from "./client-address";
import { env, oidcEnabled } from "./env";

const authLogger = createLogger("auth");

export { oidcEnabled } from "./env";
export * from "./roles";

/** Thrown to the login form; `code` picks the Norwegian message. */
class LoginError extends CredentialsSignin {
  constructor(code: "invalid" | "throttled") {
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
  logger: {
    // A wrong password is an ordinary event (it is recorded and throttled in the domain), not a server error.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      authLogger.error({ err: error }, "auth error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        try {
          const user = await authenticateUser(getDb(), credentials, { ip: clientIp(request) });
          return {
            id: user.id,
            name: user.name,
            email: user.email,
            role: user.role,
            sessionVersion: user.sessionVersion,
          };
        } catch (err) {
          if (isAppError(err) && err.code === "TOO_MANY_REQUESTS") throw new LoginError("throttled");
          if (isAppError(err)) throw new LoginError("invalid");
          throw err;
        }
      },
    }),
    ...(oidcEnabled
      ? [
          MicrosoftEntraID({
            clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID,
            clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
            issuer: env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
          }),
        ]
      : []),
  ],
  callbacks: {
    ...baseAuthConfig.callbacks,
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      // OIDC: only people who already have an active Innspill user (matched on e-mail) may log in.
      const email = user.email?.toLowerCase();
      if (!email) return false;
      const dbUser = await getDb().user.findUnique({ where: { email } });
      if (!dbUser?.active) return "/login?error=NotRegistered";
      // A fresh OIDC login counts as re-authentication for signing (five minutes).
      await recordOidcLogin(getDb(), dbUser.id);
      user.id = dbUser.id;
      user.role = dbUser.role;
      user.name = dbUser.name;
      user.sessionVersion = dbUser.sessionVersion;
      return true;
    },
  },
});

/**
 * The acting user of the current request, loaded fresh from the database: a deactivated user, a changed role or a
 * changed or reset password (the session's version) takes effect at once, whatever the session cookie says. Null
 * without a valid session.
 */
export async function getSessionActor(): Promise<(Actor & { email: string }) | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  // A session from before session versions (none in it) has ended too.
  return getActiveActor(getDb(), session.user.id, session.user.sessionVersion ?? -1);
}
