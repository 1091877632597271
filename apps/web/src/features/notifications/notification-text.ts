import { notificationText as sharedNotificationText, withQuote } from "@orgo/api-contract/constants";
import type { TNotification } from "@orgo/api-contract/schemas";
import type { Language, useI18n } from "../../i18n/i18n";
import { formatWhen } from "../mentoring/time";

type Translate = ReturnType<typeof useI18n>["t"];

/** "Leo liked your post", or "Leo and 2 others liked your post" when grouped (the server says the same in push and mail). */
export function notificationText(n: TNotification, t: Translate): string {
  return sharedNotificationText(n, (key, params) => t(key, params));
}

/** The line under it: the post's or study's title, or a meeting's time in the reader's zone. */
export function notificationDetail(n: TNotification, language: Language): string {
  if (n.moderation) return [n.moderation.target?.label, n.moderation.reason].filter(Boolean).join(" — ");
  if (n.mentoring?.startsAt) return formatWhen(n.mentoring.startsAt, language);
  return (n.post ?? n.study)?.title ?? "";
}

/** One line for a toast or a desktop notice: what a comment said, then where ("“Thanks!” — Post title"). */
export function notificationSummary(n: TNotification, language: Language): string {
  return withQuote(n.excerpt, notificationDetail(n, language));
}
