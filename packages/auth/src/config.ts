/**
 * The part of the auth configuration without providers or database access: used by the proxy (proxy.ts) to check
 * that a request has a session, and extended by `index.ts` with the providers.
 */
import type { NextAuthConfig } from "next-auth";
import type { Role } from "./roles";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      name: string;
      email: string;
      role: Role;
      sessionVersion?: number;
      sessionId?: string;
    };
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
    /** The server's session row, checked on every request and revoked at logout. */
    sessionId?: string;
  }
}

export const PUBLIC_PATHS = ["/login", "/api/auth", "/verifiser"];

export const baseAuthConfig = {
  trustHost: true,
  // The cookie lasts 8 hours from the last page load; the server's session row ends 12 hours after the login
  // whatever (SESSION_ABSOLUTE_MS in the domain), and at logout.
  session: { strategy: "jwt", maxAge: 60 * 60 * 8 },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) return true;
      return Boolean(auth?.user);
    },
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) {
        session.user.id = token.sub;
        session.user.role = token.role as Role;
        session.user.sessionVersion = typeof token.sv === "number" ? token.sv : undefined;
        session.user.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
