import nodemailer from "nodemailer";
import type { Logger } from "../logger.js";
import type { Mailer } from "./mailer.js";

/** Real mail through any SMTP server (`SMTP_URL`), pooled connections. */
export function createSmtpMailer(options: { url: string; from: string; logger: Logger }): Mailer & {
  close(): void;
} {
  const transport = nodemailer.createTransport(options.url, { from: options.from });
  return {
    async send(message) {
      const info = await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.headers ? { headers: message.headers } : {}),
      });
      options.logger.info({ messageId: info.messageId, subject: message.subject }, "mail sent");
    },
    close: () => transport.close(),
  };
}
