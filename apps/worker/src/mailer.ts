import nodemailer from "nodemailer";
import type { OutgoingEmail } from "@innspill/domain/worker";

/**
 * An SMTP mailer for `smtp(s)://user:pass@host:port` (STARTTLS when the server offers it). Timeouts are short, so
 * a hanging server fails the try (retried later) instead of holding the job.
 */
export function createSmtpMailer(url: string, from: string) {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return async (mail: OutgoingEmail) => {
    await transport.sendMail({
      from,
      to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      list: { unsubscribe: { url: mail.unsubscribeUrl, comment: "Min profil" } },
    });
  };
}
