import type { Db } from "@innspill/db";
import type { Actor } from "./actor";
import { requireRole } from "./actor";

export interface OutgoingEmail {
  to: string;
  toName: string | null;
  subject: string;
  text: string;
}

export const MAX_EMAIL_ATTEMPTS = 5;

/**
 * Delivers pending outbox e-mails with `send` (SMTP in the worker). Each e-mail is claimed with
 * FOR UPDATE SKIP LOCKED, so two workers never send the same one; a failure is counted and retried on a later run,
 * up to MAX_EMAIL_ATTEMPTS.
 */
export async function deliverPendingEmails(
  db: Db,
  send: (email: OutgoingEmail) => Promise<void>,
  options: { limit?: number; now?: Date } = {},
) {
  let sent = 0;
  let failed = 0;
  // Each e-mail is tried at most once per run; a failed one waits for the next run.
  const tried: string[] = [];
  for (let i = 0; i < (options.limit ?? 50); i++) {
    const done = await db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<
          { id: string; toEmail: string; toName: string | null; subject: string; text: string }[]
        >`
          SELECT id, "toEmail", "toName", subject, text FROM "OutboxEmail"
           WHERE "sentAt" IS NULL AND attempts < ${MAX_EMAIL_ATTEMPTS} AND NOT (id = ANY(${tried}::uuid[]))
           ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!row) return null;
        tried.push(row.id);
        try {
          await send({ to: row.toEmail, toName: row.toName, subject: row.subject, text: row.text });
          await tx.outboxEmail.update({
            where: { id: row.id },
            data: { sentAt: options.now ?? new Date(), attempts: { increment: 1 }, lastError: null },
          });
          return "sent";
        } catch (err) {
          await tx.outboxEmail.update({
            where: { id: row.id },
            data: { attempts: { increment: 1 }, lastError: (err as Error).message.slice(0, 1000) },
          });
          return "failed";
        }
      },
      { timeout: 60_000 },
    );
    if (!done) break;
    if (done === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}

/** Admin → Utgående e-post: the newest e-mails, sent or waiting. */
export async function listOutboxEmails(db: Db, actor: Actor) {
  requireRole(actor, ["ADMIN"]);
  return db.outboxEmail.findMany({
    where: { organisationId: actor.organisationId },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}
