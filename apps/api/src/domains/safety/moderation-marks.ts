import type { TModerationMark, TReportTargetKind } from "@orgo/api-contract";
import type { Db } from "@orgo/db";

/**
 * Why these hidden items (their keys) are hidden, for their author: the latest
 * decision that hid each (its reason and id), or "held for review" when a watched
 * word held it and no moderator has decided yet. One query whatever their number.
 */
export async function moderationMarks(
  db: Db,
  kind: TReportTargetKind,
  keys: string[],
): Promise<Map<string, TModerationMark>> {
  if (keys.length === 0) return new Map();
  const decisions = await db.auditEntry.findMany({
    where: { action: "decision.hide", targetKind: kind, targetKey: { in: keys } },
    orderBy: { id: "desc" },
    select: { id: true, targetKey: true, reason: true },
  });
  const marks = new Map<string, TModerationMark>();
  for (const decision of decisions) {
    if (!marks.has(decision.targetKey!)) {
      marks.set(decision.targetKey!, { decisionId: decision.id, reason: decision.reason, heldForReview: false });
    }
  }
  for (const key of keys) {
    if (!marks.has(key)) marks.set(key, { decisionId: null, reason: "", heldForReview: true });
  }
  return marks;
}
