import { deliverPendingEmails } from "@innspill/domain/worker";
import { DEFAULT_PUBLIC_URL, type ProcessorContext } from "./context";

/** Sends outbox e-mails with the configured mailer. Without one (no SMTP_URL), they stay in the outbox for Admin. */
export async function processDeliverEmail(ctx: ProcessorContext) {
  if (!ctx.mailer) return { skipped: "SMTP_URL er ikke satt; e-postene ligger i utboksen" };
  return deliverPendingEmails(ctx.db, ctx.mailer, {
    publicUrl: ctx.publicUrl ?? DEFAULT_PUBLIC_URL,
  });
}
