import { env } from "@/env";
import { proxySettingProblem } from "@/server/proxy-setting";

/** Runs once when the server starts: refuses a proxy setting that lets clients choose their address. */
export function register() {
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
}
