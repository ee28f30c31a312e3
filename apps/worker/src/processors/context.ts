import type { Db } from "@innspill/db";
import type { PdfProcess } from "@innspill/documents";
import type { OutgoingEmail, RadarConfig } from "@innspill/domain/worker";

/** Where users open Innspill when PUBLIC_URL is not given (the demo on this machine). */
export const DEFAULT_PUBLIC_URL = "http://localhost:3000";

/** What processors get to work with. */
export interface ProcessorContext {
  db: Db;
  /** Sends one e-mail; absent when SMTP is not configured. */
  mailer?: (mail: OutgoingEmail) => Promise<void>;
  /** The address users open Innspill at, for links in e-mails and the signed document (DEFAULT_PUBLIC_URL). */
  publicUrl?: string;
  /** Holds each render this long before writing files: only for crash drills (WORKER_RENDER_DELAY_MS). */
  renderDelayMs?: number;
  /** Letters' PDFs, made in a child process replaced every 200 letters (`PdfProcess`: Typst keeps memory). */
  pdf?: PdfProcess;
  /** The hearing radar's sources (tests point them at a local server); the environment's when absent. */
  radarConfig?: RadarConfig;
}
