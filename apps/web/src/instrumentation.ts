import { env } from "@/env";
import { proxySettingProblem } from "@/server/proxy-setting";

/**
 * Runs once when the server starts: refuses a proxy setting that lets clients choose their address, and hands the
 * production server (apps/web/server.cjs) the tRPC handler it serves `/api/trpc/…` with, beside Next.js.
 */
export async function register() {
  const problem = proxySettingProblem({
    nodeEnv: env.NODE_ENV,
    hops: env.TRUSTED_PROXY_HOPS,
    proxyOnly: env.TRUSTED_PROXY_ONLY === "1",
    hostname: env.HOSTNAME,
  });
  if (problem) {
    console.error(`[innspill] starter ikke: ${problem}`);
    process.exit(1);
  }
  // Next.js also compiles this file for its edge runtime (unused here); the test is a constant of the build, so that
  // bundle leaves the handler out.
  // eslint-disable-next-line no-restricted-syntax -- a build-time constant, not configuration
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serveTrpc } = await import("@/server/trpc-handler");
    (globalThis as Record<symbol, unknown>)[Symbol.for("innspill.serveTrpc")] = serveTrpc;
  }
}
