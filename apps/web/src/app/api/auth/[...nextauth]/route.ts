import { NextRequest } from "next/server";
import { handlers } from "@innspill/auth";
import { crossSiteResponse } from "@/server/cross-site";
import { BodyTooLarge, bodyTooLargeResponse, limitBody } from "@/server/limits";

export const { GET } = handlers;

/** A login or logout is a few hundred bytes; anything past this is refused as it streams, before next-auth reads it. */
const AUTH_BODY_LIMIT = 64 * 1024;

export async function POST(req: NextRequest) {
  // Login and logout from another site's page are refused. The identity provider's answer may come back as a form
  // post from its own site (next-auth checks its state and PKCE).
  if (!req.nextUrl.pathname.startsWith("/api/auth/callback/oidc")) {
    const refused = crossSiteResponse(req);
    if (refused) return refused;
  }
  let body: ArrayBuffer;
  try {
    body = await limitBody(req, AUTH_BODY_LIMIT).arrayBuffer();
  } catch (err) {
    if (err instanceof BodyTooLarge || (err instanceof Error && err.cause instanceof BodyTooLarge))
      return bodyTooLargeResponse(AUTH_BODY_LIMIT);
    throw err;
  }
  return handlers.POST(new NextRequest(req.url, { method: "POST", headers: req.headers, body }));
}
