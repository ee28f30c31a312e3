/**
 * Requests from other sites are refused. A browser tells where a request comes from: `Sec-Fetch-Site` (every current
 * browser) and `Origin` (on every POST). A state-changing request (any method but GET, HEAD and OPTIONS) is refused
 * when either names another site, whatever the cookie's SameSite; a request with neither header is not from a
 * browser's page (curl, the tests, a monitor) and cannot carry a victim's cookie against their will.
 *
 * tRPC mutations also accept `application/json` only: a form on another site can post `multipart/form-data` or
 * `text/plain` without a preflight, never JSON.
 *
 * Pure (no server-only imports) so it is unit-tested; proxy.ts applies it to every request.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type CrossSiteRefusal = "crossSite" | "jsonOnly";

export function refuseCrossSite(
  req: { method: string; url: string; headers: Headers },
  /** Origins users open Innspill on (PUBLIC_URL, AUTH_URL), besides the request's own host. */
  publicOrigins: readonly string[] = [],
): CrossSiteRefusal | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return "crossSite";
  const origin = req.headers.get("origin");
  if (origin !== null) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return "crossSite"; // "null" (a sandboxed frame, a data: URL) or garbage
    }
    const own = [req.headers.get("host"), req.headers.get("x-forwarded-host"), new URL(req.url).host];
    const known = publicOrigins.flatMap((o) => {
      try {
        return [new URL(o).host];
      } catch {
        return [];
      }
    });
    if (![...own, ...known].some((h) => h && h.toLowerCase() === host.toLowerCase())) return "crossSite";
  }
  if (new URL(req.url).pathname.startsWith("/api/trpc/")) {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json") return "jsonOnly";
  }
  return null;
}
