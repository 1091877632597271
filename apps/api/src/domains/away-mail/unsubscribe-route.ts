import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@orgo/db";
import { asLanguage, say, type Language } from "../notifications/outside-texts.js";
import { readUnsubscribeLink, type MailSetting } from "./mail-links.js";
import { escapeHtml } from "../../platform/http/escape-html.js";

/** Bodies this route reads at most: RFC 8058's is "List-Unsubscribe=One-Click". */
const MAX_BODY_BYTES = 1024;

/**
 * /mail/unsubscribe?u=…&s=…&t=…: the link in every mail that brings people back. GET
 * shows a page with one button (mail scanners open links: a GET changes nothing);
 * POST — that button, or a mail program's one-click (RFC 8058) — turns that one
 * setting off for that one person. The signed link is the authority: no sign-in, and
 * nothing else it could change.
 */
export function createUnsubscribeRoute(deps: { db: Db; linkSecret: string }) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): false | Promise<void> => {
    if (url.pathname !== "/mail/unsubscribe") return false;
    return (async () => {
      if (req.method !== "GET" && req.method !== "POST") {
        res.statusCode = 405;
        res.setHeader("Allow", "GET, POST");
        res.end();
        return;
      }
      if (req.method === "POST" && !(await drained(req))) {
        res.statusCode = 413;
        res.end();
        return;
      }
      const link = readUnsubscribeLink(deps.linkSecret, url.searchParams);
      const user = link
        ? await deps.db.user.findUnique({ where: { id: link.userId }, select: { handle: true, language: true } })
        : null;
      if (!link || !user) return page(res, 400, "en", say("en", "unsubscribe.invalid"));
      const language = asLanguage(user.language);
      const what = say(language, link.setting === "digest" ? "unsubscribe.digest" : "unsubscribe.unreadMail");
      const handle = `@${user.handle}`;
      if (req.method === "GET") {
        return page(
          res,
          200,
          language,
          say(language, "unsubscribe.ask", { what, handle }),
          `<form method="post" action="${escapeHtml(url.pathname + url.search)}"><button type="submit">${escapeHtml(say(language, "unsubscribe.button"))}</button></form>`,
        );
      }
      await turnOff(deps.db, link.userId, link.setting);
      page(
        res,
        200,
        language,
        say(language, "unsubscribe.done", { what, handle }),
        `<p>${escapeHtml(say(language, "unsubscribe.again"))}</p>`,
      );
    })();
  };
}

async function turnOff(db: Db, userId: string, setting: MailSetting) {
  await db.user.update({
    where: { id: userId },
    data: setting === "digest" ? { digest: "off" } : { unreadMail: "off" },
  });
}

/** Reads (and drops) a small body; false when it is too large. */
async function drained(req: IncomingMessage): Promise<boolean> {
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return false;
  }
  return true;
}

function page(res: ServerResponse, status: number, language: Language, message: string, extra = "") {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  );
  res.setHeader("Referrer-Policy", "no-referrer");
  res.end(`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>OrGo · ${escapeHtml(say(language, "unsubscribe.title"))}</title>
<meta name="color-scheme" content="light dark">
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 34rem; margin: 3rem auto; padding: 0 1rem; }
  button { font: inherit; padding: .5rem 1.1rem; border-radius: 6px; border: 0; background: #0969da; color: #fff; cursor: pointer; }
  strong { color: #0969da; }
</style></head>
<body><p><strong>OrGo</strong></p><h1>${escapeHtml(say(language, "unsubscribe.title"))}</h1>
<p>${escapeHtml(message)}</p>${extra}</body></html>`);
}
