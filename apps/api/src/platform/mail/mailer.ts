import type { Logger } from "../logger.js";

export interface MailMessage {
  to: string;
  subject: string;
  /** Every mail has a plain-text part; mail that brings people back has an HTML one too. */
  text: string;
  html?: string;
  /** Extra headers: List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) for that mail. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface DevOutbox extends Mailer {
  /** Newest last; kept in memory for the dev page and for tests. */
  readonly messages: readonly (MailMessage & { sentAt: Date })[];
}

/**
 * Without SMTP configured, mail goes here: kept in memory, and logged whole only in
 * the single-machine run (so its output shows the code).
 */
export function createDevOutbox(logger: Logger, options: { logText: boolean; keep?: number }): DevOutbox {
  const keep = options.keep ?? 100;
  const messages: (MailMessage & { sentAt: Date })[] = [];
  return {
    messages,
    send(message) {
      messages.push({ ...message, sentAt: new Date() });
      if (messages.length > keep) messages.shift();
      // The text carries codes and reset links: logged only in the single-machine run.
      if (options.logText)
        logger.info(
          { to: message.to, subject: message.subject, text: message.text },
          "dev outbox: mail not sent, shown here",
        );
      // Subjects carry codes too: say only that something waits there.
      else logger.info("dev outbox: mail not sent (kept on the outbox page)");
      return Promise.resolve();
    },
  };
}
