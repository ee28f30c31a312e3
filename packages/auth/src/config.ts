/**
 * The part of the auth configuration without providers or database access: used by the proxy (proxy.ts) to check
 * that a request has a session, and extended by `index.ts` with the providers.
 */
import type { NextAuthConfig } from "next-auth";
import type { Role } from "./roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role; sessionVersion?: number };
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

export const PUBLIC_PATHS = ["/login", "/api/auth", "/verifiser"];

export const baseAuthConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
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
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) {
        session.user.id = token.sub;
        session.user.role = token.role as Role;
        session.user.sessionVersion = typeof token.sv === "number" ? token.sv : undefined;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
