import nodemailer from "nodemailer";
import type { OutgoingEmail } from "@innspill/domain/worker";

/** An SMTP mailer for `smtp(s)://user:pass@host:port`. */
export function createSmtpMailer(url: string, from: string) {
  const transport = nodemailer.createTransport(url);
  return async (mail: OutgoingEmail) => {
    await transport.sendMail({
      from,
      to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
      subject: mail.subject,
      text: mail.text,
    });
  };
}
