/**
 * Logging for the web server, the worker and the command line: pino, one JSON object per line where a log collector
 * reads it (no terminal, or LOG_FORMAT=json), readable text on a terminal. Every line names its service; the web
 * server's lines for a request carry its request id, which is also sent back in the `x-request-id` header.
 */
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { env } from "./env";

export type { Logger };

const json = env.LOG_FORMAT ? env.LOG_FORMAT === "json" : !process.stdout.isTTY;

export function createLogger(service: string): Logger {
  const options = {
    level: env.LOG_LEVEL,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (json) return pino(options);
  return pino(
    options,
    pretty({ sync: true, colorize: true, ignore: "pid,hostname,service", messageKey: "msg" }),
  );
}

/** For tests: says nothing. */
export const silentLogger: Logger = pino({ level: "silent" });

export { requestIdOf } from "./request-id";
