import { relyingPartyOf, type RelyingParty } from "@innspill/domain/session";
import { env } from "./env";

/**
 * Where passkeys belong: the configured public address (PUBLIC_URL, else AUTH_URL), whose host is the RP ID and
 * whose origin the browser must report. Without one (development on this machine), the address the browser used:
 * its Origin header, else the request's URL. A passkey is bound to its RP ID by the authenticator, so another site
 * cannot use one made here whatever it sends.
 */
export function relyingParty(request?: { headers: Headers; url?: string } | null): RelyingParty | undefined {
  const configured = env.PUBLIC_URL ?? env.AUTH_URL;
  if (configured) return relyingPartyOf(configured);
  const origin = request?.headers.get("origin");
  for (const candidate of [origin, request?.url]) {
    if (!candidate || candidate === "null") continue;
    try {
      return relyingPartyOf(new URL(candidate).origin);
    } catch {
      // the next
    }
  }
  return undefined;
}
