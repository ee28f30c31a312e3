import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@innspill/api";
import { createContext } from "@/server/context";
import { requestIdOf } from "@innspill/log";
import { crossSiteResponse } from "@/server/cross-site";
import { BODY_LIMITS, bodyTooLargeResponse, limitBody } from "@/server/limits";
import { logger } from "@/server/log";
import { inSlot, mayBeLarge, trpcBusyResponse, UPLOAD_SLOTS } from "@/server/slots";
import { TRPC_MAX_BATCH } from "@/trpc/batch";

/**
 * tRPC, with its body refused (413, PAYLOAD_TOO_LARGE) as it streams past the limit, at most `TRPC_MAX_BATCH` calls
 * per request, and a body over 256 KB (a letter import) read in one of the upload slots (429 when full). One log line
 * per request, with its request id (also in the response's `x-request-id`), the procedures, status and time.
 */
const handler = (req: Request) => {
  // A mutation from another site's page, or not JSON, is refused before anything is read.
  const refused = crossSiteResponse(req);
  if (refused) return refused;
  return mayBeLarge(req)
    ? inSlot(
        UPLOAD_SLOTS,
        () => handle(req),
        () => trpcBusyResponse(req),
      )
    : handle(req);
};

const handle = async (req: Request) => {
  const started = performance.now();
  const reqId = requestIdOf(req.headers);
  const log = logger.child({ reqId });
  const path = new URL(req.url).pathname.slice("/api/trpc/".length);
  let limited: Request | null = null;
  try {
    limited = limitBody(
      req,
      BODY_LIMITS.trpc,
      () => new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "requestTooLarge" }),
    );
  } catch {
    // Content-Length says it is too large: refused before reading.
  }
  const res = limited
    ? await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: limited,
        router: appRouter,
        createContext,
        maxBatchSize: TRPC_MAX_BATCH,
        onError({ error, path }) {
          if (error.code === "INTERNAL_SERVER_ERROR")
            log.error({ err: error.cause ?? error, path }, "trpc error");
        },
      })
    : bodyTooLargeResponse(BODY_LIMITS.trpc);
  res.headers.set("x-request-id", reqId);
  log.info(
    { method: req.method, path, status: res.status, ms: Math.round(performance.now() - started) },
    "trpc",
  );
  return res;
};

export { handler as GET, handler as POST };
