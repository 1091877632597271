import { createHmac, timingSafeEqual } from "node:crypto";

/** The settings one unsubscribe link can turn off: exactly the mail it came with. */
export type MailSetting = "unreadMail" | "digest";
const settings: readonly MailSetting[] = ["unreadMail", "digest"];

const signature = (secret: string, userId: string, setting: MailSetting) =>
  createHmac("sha256", secret).update(`unsubscribe:${userId}:${setting}`).digest("base64url");

/**
 * A link that turns one mail setting off for one person, with no sign-in (RFC 8058):
 * signed, so it works only for the person and setting it was made for. It never
 * expires; turning a mail off again changes nothing.
 */
export function unsubscribeUrl(origin: string, secret: string, userId: string, setting: MailSetting): string {
  const url = new URL("/mail/unsubscribe", origin);
  url.searchParams.set("u", userId);
  url.searchParams.set("s", setting);
  url.searchParams.set("t", signature(secret, userId, setting));
  return url.toString();
}

/** The person and setting a link names, when its signature holds; null for anything else. */
export function readUnsubscribeLink(
  secret: string,
  params: URLSearchParams,
): { userId: string; setting: MailSetting } | null {
  const userId = params.get("u") ?? "";
  const setting = params.get("s") as MailSetting;
  const token = params.get("t") ?? "";
  if (!/^[0-9a-f-]{36}$/.test(userId) || !settings.includes(setting)) return null;
  const expected = Buffer.from(signature(secret, userId, setting));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, setting } : null;
}

/** The headers that let a mail program offer "Unsubscribe" in one click (RFC 2369, RFC 8058). */
export const unsubscribeHeaders = (url: string) => ({
  "List-Unsubscribe": `<${url}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});
