import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@innspill/api";
import { requestIdOf } from "@innspill/log";
import { TRPC_MAX_BATCH } from "@/trpc/batch";
import { createContext } from "./context";
import { crossSiteResponse } from "./cross-site";
import { BODY_LIMITS, bodyTooLargeResponse, limitBody } from "./limits";
import { logger } from "./log";
import { SECURITY_HEADERS } from "./security-headers";
import { inSlot, mayBeLarge, trpcBusyResponse, UPLOAD_SLOTS } from "./slots";

/**
 * tRPC, with its body refused (413, PAYLOAD_TOO_LARGE) as it streams past the limit, at most `TRPC_MAX_BATCH` calls
 * per request, and a body over 256 KB (a letter import) read in one of the upload slots (429 when full). One log line
 * per request, with its request id (also in the response's `x-request-id`), the procedures, status and time.
 */
export function trpcHandler(req: Request): Promise<Response> {
  // A mutation from another site's page, or not JSON, is refused before anything is read.
  const refused = crossSiteResponse(req);
  if (refused) return Promise.resolve(refused);
  return mayBeLarge(req)
    ? inSlot(
        UPLOAD_SLOTS,
        () => handle(req),
        () => trpcBusyResponse(req),
      )
    : handle(req);
}

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

/**
 * The same handler for a Node request, which the production server (apps/web/server.cjs) calls for `/api/trpc/…`
 * without Next.js in between: Next.js's routing and its conversion of each request and response to web streams and
 * back cost about three quarters of an API call's fixed time (docs/bench.md). The answer, a JSON body, is written in
 * one piece with the headers Next.js would have added.
 */
export async function serveTrpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const response = await trpcHandler(requestOf(req, res));
    res.statusCode = response.status;
    for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
    for (const [key, value] of response.headers) if (key !== "set-cookie") res.setHeader(key, value);
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader("set-cookie", cookies);
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (err) {
    logger.error({ err, url: req.url?.slice(0, 200) }, "trpc error");
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
}

/** How long the connection of a body past its limit stays open after the answer, for the client to read it. */
const LINGER_MS = 2_000;

/**
 * A Node request as a web `Request`. Its body streams with back-pressure. When the handler stops reading (a body past
 * its limit), nothing more of it is read: the client's sending stalls, the answer goes out, and the connection
 * closes `LINGER_MS` after. Closing at once, with the client's bytes still arriving, resets the connection, and a
 * client that has not read the 413 yet loses it.
 */
function requestOf(req: IncomingMessage, res: ServerResponse): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  const aborted = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) aborted.abort();
  });
  let body: ReadableStream<Uint8Array> | undefined;
  if (req.method !== "GET" && req.method !== "HEAD") {
    let open = true;
    body = new ReadableStream<Uint8Array>({
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once("end", () => {
          if (open) controller.close();
          open = false;
        });
        req.once("error", (err) => {
          if (open) controller.error(err);
          open = false;
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        open = false;
        req.pause();
        res.once("finish", () => {
          const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
          req.socket.once("close", () => clearTimeout(timer));
        });
      },
    });
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body,
    signal: aborted.signal,
    ...({ duplex: "half" } as object),
  });
}
