import type { Db } from "@innspill/db";
import type { OutgoingEmail } from "@innspill/domain/worker";

/** What processors get to work with. */
export interface ProcessorContext {
  db: Db;
  /** Sends one e-mail; absent when SMTP is not configured. */
  mailer?: (mail: OutgoingEmail) => Promise<void>;
  /** The address users open Innspill at, for links in e-mails. */
  publicUrl?: string;
  /** Holds each render this long before writing files: only for crash drills (WORKER_RENDER_DELAY_MS). */
  renderDelayMs?: number;
}
