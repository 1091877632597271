import type { TNotificationType } from "@orgo/api-contract";
import { groupKeys, notify } from "../notifications/notify.js";
import { withNotifications, type StoredNotifications } from "../notifications/notification.service.js";
import type { MentoringDeps } from "./mentoring-deps.js";
import type { Tx } from "./mentoring-rows.js";

/** Runs a change in one transaction and tells the people it notified, after the commit. */
export const changeMentoring = <T>(
  { db, bus }: Pick<MentoringDeps, "db" | "bus">,
  work: (tx: Tx, changed: StoredNotifications) => Promise<T>,
) => withNotifications(db, bus, work);

/** One notification about a request (and its meeting), kept to publish after the commit. */
export async function tellMentoring(
  tx: Tx,
  changed: StoredNotifications,
  type: TNotificationType,
  to: { recipientId: string; actorId: string; requestId: number; meetingId?: number },
) {
  const id = await notify(tx, {
    recipientId: to.recipientId,
    actorId: to.actorId,
    type,
    mentorRequestId: to.requestId,
    meetingId: to.meetingId ?? null,
    groupKey: groupKeys.mentoring(type, to.requestId),
  });
  changed.push({ recipientId: to.recipientId, id });
}
