// @ts-check
/**
 * The production web server. `npm run build` puts it in the standalone build in place of the `server.js` Next.js
 * generates, so `npm run start:web`, `npm start` and the image run it. It is Next.js's own server (the same
 * configuration, started through Next.js's documented custom-server API) with one difference: `/api/trpc/…` is
 * answered by the tRPC handler directly, without Next.js's routing and its conversion of each request and response to
 * web streams and back, which were about three quarters of an API call's fixed cost (docs/bench.md). The handler is
 * the one Next.js runs in development (apps/web/src/server/trpc-handler.ts); instrumentation.ts hands it over when the
 * server starts, so it is compiled, configured and checked with the rest of the app.
 */
const http = require("node:http");
const v8 = require("node:v8");

process.env.NODE_ENV = "production";
process.chdir(__dirname);

// The configuration the build wrote (the generated server.js embeds the same).
const { config } = require("./.next/required-server-files.json");
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);

const next = require("next");

const port = Number.parseInt(process.env.PORT ?? "", 10) || 3000;
const hostname = process.env.HOSTNAME || "0.0.0.0";
const keepAliveTimeout = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? "", 10);

async function main() {
  const app = next({ dir: __dirname, dev: false, hostname, port, conf: config, customServer: true });
  const handle = app.getRequestHandler();
  await app.prepare();
  const key = Symbol.for("innspill.serveTrpc");
  /** @type {((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | undefined} */
  let serveTrpc;

  const server = http.createServer((req, res) => {
    // Next.js loads the app (and runs instrumentation.ts, which registers the handler) at its first request; until
    // then tRPC calls go through Next.js's route for it (src/app/api/trpc), which runs the same handler.
    serveTrpc ??= /** @type {any} */ (globalThis)[key];
    if (serveTrpc && req.url?.startsWith("/api/trpc/")) void serveTrpc(req, res);
    else void handle(req, res);
  });
  if (Number.isFinite(keepAliveTimeout) && keepAliveTimeout >= 0) server.keepAliveTimeout = keepAliveTimeout;

  // As Next.js's own server: stop taking connections, let the requests under way finish, then exit.
  let stopping = false;
  const stop = (/** @type {NodeJS.Signals} */ signal) => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      void app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
    server.closeIdleConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve(undefined));
  });
  // V8's heap limit, as the start command set it (docs/operations.md «Memory bounds»): without
  // --max-old-space-size, V8 sizes it from the machine's memory and lets the old space grow to four times what is
  // alive before collecting, which on a large machine is several hundred MB more resident memory than needed.
  const heapMb = Math.round(v8.getHeapStatistics().heap_size_limit / 1048576);
  console.log(`▲ Innspill web ready on http://${hostname}:${port} (V8 heap limit ${heapMb} MB)`);
  if (heapMb > 1024)
    console.warn(
      `▲ Started without --max-old-space-size: the heap may grow to ${heapMb} MB. ` +
        "Start it with `node --max-old-space-size=512 server.js` (npm run start:web, the image and compose.yaml do).",
    );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
