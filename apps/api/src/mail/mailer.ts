import type { Logger } from "../logger.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface DevOutbox extends Mailer {
  /** Newest last; kept in memory for the dev page and for tests. */
  readonly messages: readonly (MailMessage & { sentAt: Date })[];
}

/**
 * Without SMTP configured, mail goes here: logged (so the single-machine run shows
 * the code in its output) and kept in memory.
 */
export function createDevOutbox(logger: Logger, keep = 100): DevOutbox {
  const messages: (MailMessage & { sentAt: Date })[] = [];
  return {
    messages,
    send(message) {
      messages.push({ ...message, sentAt: new Date() });
      if (messages.length > keep) messages.shift();
      logger.info(
        { to: message.to, subject: message.subject, text: message.text },
        "dev outbox: mail not sent, shown here",
      );
      return Promise.resolve();
    },
  };
}
