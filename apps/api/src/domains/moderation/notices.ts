import type { TNotificationType } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import { groupKeys, notify } from "../notifications/notify.js";
import type { StoredNotifications } from "../notifications/notification.service.js";

type Tx = Prisma.TransactionClient;

/** What the person a decision is about hears (a dismissal tells them nothing: they need not know they were reported). */
export const subjectNotice: Partial<Record<string, TNotificationType>> = {
  hide: "moderation_hidden",
  delete: "moderation_deleted",
  warn: "moderation_warned",
  suspend: "moderation_suspended",
  lift: "moderation_lifted",
};

/**
 * A notice to one person about a decision (its audit entry), in the decision's
 * transaction. Notices come from nobody in particular: the stored actor is the
 * recipient, so no moderator is named to the people they decide about.
 */
export async function tellAboutDecision(
  tx: Tx,
  stored: StoredNotifications,
  to: { recipientId: string; type: TNotificationType; auditId: number },
) {
  const id = await notify(tx, {
    recipientId: to.recipientId,
    actorId: to.recipientId,
    type: to.type,
    auditId: to.auditId,
    groupKey: groupKeys.moderation(to.auditId),
  });
  stored.push({ recipientId: to.recipientId, id });
}

/** Every reporter of a case learns that it was decided (action taken or not), never why. */
export async function tellReporters(
  tx: Tx,
  stored: StoredNotifications,
  caseId: number,
  auditId: number,
  state: "actioned" | "dismissed",
  at: Date,
) {
  await tx.report.updateMany({ where: { caseId }, data: { status: state, decidedAt: at } });
  const reporters = await tx.report.findMany({
    where: { caseId, reporterId: { not: null } },
    select: { reporterId: true },
  });
  for (const { reporterId } of reporters) {
    await tellAboutDecision(tx, stored, { recipientId: reporterId!, type: "report_decided", auditId });
  }
}
