import type { ServerResponse } from "node:http";
import type { DevOutbox } from "./mailer.js";
import { escapeHtml } from "../http/escape-html.js";

/** Links in the (escaped) text become clickable, so a reset link opens in one click. */
const linkify = (html: string) => html.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/**
 * GET /dev/outbox: the mail the single-machine run did not send, newest first.
 * Served only when no SMTP server is configured and the config allows it (see
 * DEV_OUTBOX_PAGE), because it shows sign-up codes and reset links.
 */
export function renderOutboxPage(outbox: DevOutbox, res: ServerResponse, url: URL): void {
  // /dev/outbox?html=N: mail N's HTML part as a mail program would show it.
  const wanted = url.searchParams.get("html");
  const html = wanted === null ? undefined : outbox.messages[Number(wanted)]?.html;
  if (html !== undefined) {
    res.statusCode = 200;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    // The mail's own markup, with no scripts (our templates have none; this holds any other).
    res.setHeader("Content-Security-Policy", "default-src 'none'; img-src * data:; style-src 'unsafe-inline'");
    res.end(html);
    return;
  }
  const items = outbox.messages
    .map((mail, index) => ({ mail, index }))
    .reverse()
    .map(
      ({ mail, index }) => `<article>
  <header><strong>${escapeHtml(mail.subject)}</strong><br>
  <small>to ${escapeHtml(mail.to)} · ${mail.sentAt.toISOString()}${mail.html ? ` · <a href="/dev/outbox?html=${index}">as HTML</a>` : ""}</small></header>
  <pre>${linkify(escapeHtml(mail.text))}</pre>
</article>`,
    )
    .join("\n");
  res.statusCode = 200;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OrGo · development outbox</title>
<meta name="color-scheme" content="light dark">
<style>
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  article { border: 1px solid #8886; border-radius: 8px; padding: .75rem 1rem; margin: 1rem 0; }
  pre { white-space: pre-wrap; font: inherit; margin: .5rem 0 0; }
</style></head>
<body>
<h1>Development outbox</h1>
<p>No SMTP server is configured (<code>SMTP_URL</code>), so OrGo keeps its mail here instead of sending it.
Reload to see new mail.</p>
${items || "<p><em>No mail yet.</em></p>"}
</body></html>`);
}
