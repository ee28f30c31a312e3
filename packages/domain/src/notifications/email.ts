import type { Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";

export interface OutgoingEmail {
  to: string;
  toName: string | null;
  subject: string;
  /** The body, with the link to where the user acts and why they get it. */
  text: string;
  /** Stable per outbox row: a resend after a crash is recognisable as the same message. */
  messageId: string;
  /** Where to turn the e-mails off (Min profil), for the List-Unsubscribe header. */
  unsubscribeUrl: string;
}

const MAX_EMAIL_ATTEMPTS = 5;

/** The e-mail as sent: the body, a link to the page under `publicUrl`, why it came, and a stable Message-ID. */
function composeEmail(
  row: {
    id: string;
    toEmail: string;
    toName: string | null;
    subject: string;
    text: string;
    path: string | null;
  },
  publicUrl: string,
): OutgoingEmail {
  const base = publicUrl.replace(/\/+$/, "");
  const unsubscribeUrl = `${base}/profil`;
  const link = row.path ? `\n\nÅpne i Innspill: ${base}${row.path}` : "";
  return {
    to: row.toEmail,
    toName: row.toName,
    subject: row.subject,
    text: `${row.text}${link}\n\n— Innspill\nDu får denne e-posten fordi e-postvarsler er slått på. Slå dem av under Min profil: ${unsubscribeUrl}`,
    messageId: `<${row.id}@${new URL(base).hostname}>`,
    unsubscribeUrl,
  };
}

/**
 * Delivers pending outbox e-mails with `send` (SMTP in the worker). Each e-mail is claimed by marking it as sending
 * (committed before the network call, FOR UPDATE SKIP LOCKED so two workers never take the same one). A failure is
 * recorded and retried with growing delays (5, 10, 20, 40 minutes), up to MAX_EMAIL_ATTEMPTS. A worker killed during
 * the call leaves the mark; the e-mail is sent again after the delay with the same Message-ID, so the receiving
 * server sees at most a recognisable duplicate.
 */
export async function deliverPendingEmails(
  db: Db,
  send: (email: OutgoingEmail) => Promise<void>,
  options: { publicUrl: string; limit?: number; now?: () => Date },
) {
  const now = options.now ?? (() => new Date());
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < (options.limit ?? 50); i++) {
    const at = now();
    const [row] = await db.$queryRaw<
      {
        id: string;
        toEmail: string;
        toName: string | null;
        subject: string;
        text: string;
        path: string | null;
      }[]
    >`
      UPDATE "OutboxEmail" SET "sendingAt" = ${at}
       WHERE id = (
         SELECT id FROM "OutboxEmail"
          WHERE "sentAt" IS NULL AND attempts < ${MAX_EMAIL_ATTEMPTS}
            AND ("sendingAt" IS NULL
                 OR "sendingAt" <= ${at}::timestamp - make_interval(mins => 5 * power(2, greatest(attempts - 1, 0))::int))
          ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, "toEmail", "toName", subject, text, path`;
    if (!row) break;
    try {
      await send(composeEmail(row, options.publicUrl));
      await db.outboxEmail.update({
        where: { id: row.id },
        data: { sentAt: now(), attempts: { increment: 1 }, lastError: null },
      });
      sent++;
    } catch (err) {
      await db.outboxEmail.update({
        where: { id: row.id },
        data: { attempts: { increment: 1 }, lastError: (err as Error).message.slice(0, 1000) },
      });
      failed++;
    }
  }
  return { sent, failed };
}

/** Admin → Utgående e-post: the newest e-mails, sent or waiting. */
export async function listOutboxEmails(db: Db, actor: Actor) {
  authorize(actor, "outbox.read");
  return db.outboxEmail.findMany({
    where: { organisationId: actor.organisationId },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}
