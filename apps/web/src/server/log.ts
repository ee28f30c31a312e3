import "server-only";
import { createLogger, requestIdOf } from "@innspill/log";

/** The web server's structured log (JSON lines in production, text on a terminal). */
export const logger = createLogger("web");

/**
 * One line for something an operator asks about afterwards: a download, an export, an upload, a verification
 * (`event`), with the request id, the user and what it concerned; never a file's content or a password.
 */
export function logEvent(
  req: Pick<Request, "headers">,
  event: "download" | "export" | "upload" | "verification",
  fields: Record<string, string | number | boolean | null | undefined>,
) {
  logger.info({ reqId: requestIdOf(req.headers), event, ...fields }, event);
}
