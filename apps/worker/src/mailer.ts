import nodemailer from "nodemailer";
import type { OutgoingEmail } from "@innspill/domain/worker";

export interface SmtpOptions {
  /** smtp://user:pass@host:port (STARTTLS when the server offers it) or smtps:// (TLS from the first byte). */
  url: string;
  from: string;
  /** Refuse to send unless the connection is upgraded with STARTTLS (never credentials or letters in clear text). */
  requireTls?: boolean;
  /** PEM certificate(s) to trust besides the system's, for a relay with a certificate from an internal CA. */
  ca?: string;
  /** Milliseconds; short, so a hanging server fails the try (retried later) instead of holding the job. */
  timeouts?: { connection: number; greeting: number; socket: number };
}

/** Sends one outbox e-mail over SMTP; throws with the server's reason when it is refused. */
export function createSmtpMailer(options: SmtpOptions) {
  const timeouts = options.timeouts ?? { connection: 20_000, greeting: 20_000, socket: 60_000 };
  const transport = nodemailer.createTransport({
    url: options.url,
    requireTLS: options.requireTls ?? false,
    tls: options.ca ? { ca: options.ca } : undefined,
    connectionTimeout: timeouts.connection,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.socket,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return async (mail: OutgoingEmail) => {
    await transport.sendMail({
      from: options.from,
      to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      list: { unsubscribe: { url: mail.unsubscribeUrl, comment: "Min profil" } },
    });
  };
}
