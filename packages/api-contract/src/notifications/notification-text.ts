import { meetingPath } from "../mentoring/mentoring-paths.js";
import type { TNotification } from "./notification.schemas.js";
import type { NotificationSentenceKey } from "./notification-sentences.js";

/** The kinds a grouped row tells as "Leo and 2 others …". */
const groupedTypes = new Set<string>(["like", "comment_like", "follow", "mention"]);
/** A translator over the sentence table: the app's own `t`, or the server's for push and mail. */
export type SayNotification = (key: NotificationSentenceKey, params: { name: string; others: number }) => string;

/** "Leo liked your post", or "Leo and 2 others liked your post" when grouped. */
export function notificationText(
  n: Pick<TNotification, "type" | "count" | "actor" | "moderation">,
  say: SayNotification,
): string {
  // A moderation notice comes from nobody in particular; a reporter learns only
  // whether action was taken, the person it is about what and why.
  const action = n.moderation?.action;
  const params = { name: n.actor.displayName, others: n.count - 1 };
  if (n.type === "report_decided" && (action === "dismiss" || action === "lift")) {
    return say("notifications.report_decidedNone", params);
  }
  if (n.type === "appeal_decided" && action === "denied") return say("notifications.appeal_decidedDenied", params);
  const key = (
    n.count > 1 && groupedTypes.has(n.type) ? `notifications.${n.type}Many` : `notifications.${n.type}`
  ) as NotificationSentenceKey;
  return say(key, params);
}

/** Where opening it leads: the mentoring page, the chat room, the post, the study, or the person. */
export function notificationPath(
  n: Pick<TNotification, "type" | "moderation" | "mentoring" | "room" | "post" | "commentId" | "study" | "actor">,
): string {
  if (n.moderation) return n.type === "report_decided" ? "/settings/reports" : `/decisions/${n.moderation.decisionId}`;
  if (n.mentoring) {
    return n.mentoring.meetingId !== null
      ? meetingPath(n.mentoring.meetingId, n.type === "meeting_rate" || n.type === "mentor_rated" ? "past" : "upcoming")
      : `/mentoring?box=${n.type === "mentor_requested" || n.type === "mentor_withdrawn" ? "incoming" : "outgoing"}&state=${n.type === "mentor_countered" || n.type === "mentor_requested" ? "waiting" : "closed"}`;
  }
  if (n.room) return `/chat/${n.room.id}`;
  if (n.post) return n.commentId ? `/posts/${n.post.id}#comment-${n.commentId}` : `/posts/${n.post.id}`;
  return n.study ? `/studies/${n.study.id}` : `/u/${n.actor.handle}`;
}

/** A notice's detail line, led by what a comment said when it was one: "“Thanks!” — Post title". */
export function withQuote(excerpt: string | null, detail: string): string {
  return [excerpt && `“${excerpt}”`, detail].filter(Boolean).join(" — ");
}
