import type { Logger } from "@innspill/log";

/**
 * On SIGTERM or SIGINT (the first one; a second is ignored while stopping): `stop`, then exit 0, or 1 with the
 * reason logged when stopping fails. For the worker's and the co-writing server's processes.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>) {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    try {
      await stop();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
