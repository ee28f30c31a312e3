import { domainMessages } from "@innspill/domain/shared";
import { env } from "@/env";
import { refuseCrossSite } from "./same-origin";

const PUBLIC_ORIGINS = [env.PUBLIC_URL, env.AUTH_URL].filter((o): o is string => !!o);

/**
 * The answer to a state-changing request that another site's page sent (403) or a tRPC mutation that is not JSON
 * (415), or null to go on. Every route handler that changes something calls it first (a unit test holds them to it:
 * `cross-site.test.ts`); proxy.ts calls it for pages.
 */
export function crossSiteResponse(req: Pick<Request, "method" | "url" | "headers">): Response | null {
  const refusal = refuseCrossSite(req, PUBLIC_ORIGINS);
  if (!refusal) return null;
  const messageKey = refusal === "crossSite" ? "crossSiteRequest" : "jsonOnly";
  return Response.json(
    { messageKey, message: domainMessages.nb[messageKey] },
    { status: refusal === "crossSite" ? 403 : 415 },
  );
}
