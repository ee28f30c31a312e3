import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { PUBLIC_PATHS, baseAuthConfig } from "@innspill/auth/config";
import { requestIdOf } from "@innspill/log/request-id";
import { env } from "@/env";
import { crossSiteResponse } from "@/server/cross-site";

const { auth } = NextAuth(baseAuthConfig);

/**
 * The Content-Security-Policy of a page: scripts only from this origin and with this response's nonce (Next.js puts
 * it on its own scripts), nothing framed, no plugins, forms and links back to this origin only. Styles may be inline
 * (charts and the editor set style attributes); development needs eval for fast refresh. Connections go to this
 * origin and the co-writing server.
 */
function pagePolicy(nonce: string): string {
  const dev = env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The live co-writing server's WebSocket (COLLAB_URL), when there is one.
    `connect-src 'self'${env.COLLAB_URL ? ` ${new URL(env.COLLAB_URL).origin}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Every page but the public ones needs a session; anonymous visitors are sent to /login with where they were going.
 * Every page gets its own script nonce.
 */
const pages = auth((req) => {
  const path = req.nextUrl.pathname;
  const open = PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
  if (!open && !req.auth?.user) {
    const login = new URL("/login", req.nextUrl.origin);
    login.searchParams.set("callbackUrl", `${path}${req.nextUrl.search}`);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = pagePolicy(nonce);
  const headers = new Headers(req.headers);
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  // Where a page whose session has ended on the server sends the user back after the login (server/session.ts).
  headers.set("x-innspill-path", `${path}${req.nextUrl.search}`.slice(0, 2000));
  // A request id for the page, for matching a user's report with the server's log lines.
  const reqId = requestIdOf(req.headers);
  headers.set("x-request-id", reqId);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", policy);
  res.headers.set("x-request-id", reqId);
  return res;
});

/**
 * A state change posted to a page (a server action) is refused when another site's page sent it
 * (server/same-origin.ts), before the session check above. API routes are not matched: a proxy buffers the body of
 * every request it sees (and cuts it at 10 MB), so each route handler that changes something checks the same itself
 * (`crossSiteResponse`).
 */
export default function proxy(req: NextRequest, event: NextFetchEvent) {
  const refusal = crossSiteResponse(req);
  if (refusal) return refusal;
  return pages(req, event as never);
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js)$).*)"],
};
