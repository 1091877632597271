import { decisionActionOf, plainExcerpt, type TNotification, type TNotificationType } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import { publicUserSelect } from "../users/public-user.js";

export const notificationSelect = {
  id: true,
  type: true,
  count: true,
  commentId: true,
  comment: { select: { body: true, deletedAt: true, hiddenAt: true } },
  readAt: true,
  updatedAt: true,
  changeSeq: true,
  actor: { select: publicUserSelect },
  post: { select: { id: true, title: true, deletedAt: true } },
  study: { select: { id: true, title: true, deletedAt: true } },
  roomId: true,
  mentorRequestId: true,
  meeting: { select: { id: true, startsAt: true } },
  quietSeq: true,
  audit: { select: { id: true, action: true, reason: true, targetKind: true, details: true } },
} as const;

export type NotificationRow = {
  id: number;
  type: string;
  count: number;
  commentId: number | null;
  comment: { body: string; deletedAt: Date | null; hiddenAt: Date | null } | null;
  readAt: Date | null;
  updatedAt: Date;
  changeSeq: number;
  actor: TNotification["actor"];
  post: { id: number; title: string; deletedAt: Date | null } | null;
  study: { id: number; title: string; deletedAt: Date | null } | null;
  roomId: number | null;
  mentorRequestId: number | null;
  meeting: { id: number; startsAt: Date } | null;
  quietSeq: number | null;
  audit: { id: number; action: string; reason: string; targetKind: string | null; details: Prisma.JsonValue } | null;
};

/** As much of a comment as a notification row, a push or a mail line shows. */
const EXCERPT_LENGTH = 140;

/** A decision as its notice tells it: a reporter learns whether action was taken, never why. */
function noticeOf(type: string, audit: NotificationRow["audit"]): TNotification["moderation"] {
  if (!audit) return null;
  const details = (audit.details ?? {}) as { label?: unknown; decisionId?: unknown };
  return {
    // An appeal's outcome opens the decision appealed (its page tells how the appeal went).
    decisionId: typeof details.decisionId === "number" ? details.decisionId : audit.id,
    action: decisionActionOf(audit.action),
    reason: type === "report_decided" ? null : audit.reason,
    target: audit.targetKind
      ? { kind: audit.targetKind, label: typeof details.label === "string" ? details.label : "" }
      : null,
  };
}

/** A stored row as the client shows it (a deleted post or study is no link). */
export function shapeNotification({
  readAt,
  post,
  study,
  roomId,
  mentorRequestId,
  meeting,
  type,
  changeSeq: _changeSeq,
  quietSeq: _quietSeq,
  audit,
  comment,
  ...row
}: NotificationRow): TNotification {
  return {
    ...row,
    excerpt: comment && !comment.deletedAt && !comment.hiddenAt ? plainExcerpt(comment.body, EXCERPT_LENGTH) : null,
    moderation: noticeOf(type, audit),
    type: type as TNotificationType,
    read: readAt !== null,
    post: post && !post.deletedAt ? { id: post.id, title: post.title } : null,
    study: study && !study.deletedAt ? { id: study.id, title: study.title } : null,
    room: roomId === null ? null : { id: roomId },
    mentoring:
      mentorRequestId === null
        ? null
        : { requestId: mentorRequestId, meetingId: meeting?.id ?? null, startsAt: meeting?.startsAt ?? null },
  };
}
