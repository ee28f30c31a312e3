import "server-only";
import { createLogger } from "@innspill/log";

/** The web server's structured log (JSON lines in production, text on a terminal). */
export const logger = createLogger("web");
