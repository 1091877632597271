import type { TNotification } from "@orgo/api-contract/schemas";
import type { MessageKey } from "../../i18n/messages";
import type { Language, useI18n } from "../../i18n/i18n";
import { formatWhen } from "../mentoring/time";

type Translate = ReturnType<typeof useI18n>["t"];

/** "Leo liked your post", or "Leo and 2 others liked your post" when grouped. */
export function notificationText(n: TNotification, t: Translate): string {
  // A moderation notice comes from nobody in particular; a reporter learns only
  // whether action was taken, the person it is about what and why.
  const action = n.moderation?.action;
  if (n.type === "report_decided" && (action === "dismiss" || action === "lift")) {
    return t("notifications.report_decidedNone");
  }
  if (n.type === "appeal_decided" && action === "denied") {
    return t("notifications.appeal_decidedDenied");
  }
  return t(`notifications.${n.type}${n.count > 1 ? "Many" : ""}` as MessageKey, {
    name: n.actor.displayName,
    others: n.count - 1,
  });
}

/** Where opening it leads: the mentoring page, the chat room, the post, the study, or the person. */
export function notificationPath(n: TNotification): string {
  if (n.moderation) return n.type === "report_decided" ? "/settings/reports" : `/decisions/${n.moderation.decisionId}`;
  if (n.mentoring) {
    return n.mentoring.meetingId !== null
      ? `/mentoring?tab=meetings&scope=${n.type === "meeting_rate" || n.type === "mentor_rated" ? "past" : "upcoming"}#meeting-${n.mentoring.meetingId}`
      : `/mentoring?box=${n.type === "mentor_requested" || n.type === "mentor_withdrawn" ? "incoming" : "outgoing"}&state=${n.type === "mentor_countered" || n.type === "mentor_requested" ? "waiting" : "closed"}`;
  }
  if (n.room) return `/chat/${n.room.id}`;
  return n.post ? `/posts/${n.post.id}` : n.study ? `/studies/${n.study.id}` : `/u/${n.actor.handle}`;
}

/** The line under it: the post's or study's title, or a meeting's time in the reader's zone. */
export function notificationDetail(n: TNotification, language: Language): string {
  if (n.moderation) return [n.moderation.target?.label, n.moderation.reason].filter(Boolean).join(" — ");
  if (n.mentoring?.startsAt) return formatWhen(n.mentoring.startsAt, language);
  return (n.post ?? n.study)?.title ?? "";
}
