import {
  AppError,
  serverMessages as m,
  type TCaseDetail,
  type TDecideAppealInput,
  type TReportTargetKind,
  type TViewer,
} from "@orgo/api-contract";
import { publishNotifications, type StoredNotifications } from "../../notifications/notification.service.js";
import { publishUsersChanged } from "../../users/user-events.js";
import type { ModerationDeps } from "../moderation-deps.js";
import { caseDetail, claimCase } from "../case-rows.js";
import { setHidden, type AfterCommit } from "../effects.js";
import { liftSuspension } from "../suspensions.js";
import { writeAudit } from "../audit.js";
import { tellAboutDecision } from "../notices.js";
import { publishQueueChanged } from "../../safety/queue-signal.js";

/**
 * Grants an appeal (the content is shown again, the suspension lifted) or denies it,
 * with a reason the author is told; audited either way.
 */
export async function decideAppeal(
  deps: ModerationDeps,
  viewer: TViewer,
  input: TDecideAppealInput,
): Promise<TCaseDetail> {
  const { db, bus } = deps;
  const at = deps.now();
  const after: AfterCommit[] = [];
  const stored: StoredNotifications = [];
  await db.$transaction(async (tx) => {
    await claimCase(tx, viewer, input.caseId, at);
    const appeal = await tx.appeal.findUnique({
      where: { caseId: input.caseId },
      select: {
        id: true,
        authorId: true,
        decisionId: true,
        decision: { select: { action: true, targetKind: true, targetKey: true, details: true } },
      },
    });
    if (!appeal) throw new AppError("VALIDATION", m.actionNotForTarget);
    const { decision } = appeal;
    const target = {
      kind: decision.targetKind as TReportTargetKind,
      key: decision.targetKey!,
      label: ((decision.details ?? {}) as { label?: string }).label ?? "",
    };
    if (input.grant && decision.action === "decision.hide") after.push(await setHidden(deps, tx, target, false, at));
    if (input.grant && decision.action === "decision.suspend" && (await liftSuspension(tx, appeal.authorId))) {
      after.push(() => publishUsersChanged(bus, [appeal.authorId]));
    }
    const auditId = await writeAudit(tx, {
      actorId: viewer.userId,
      action: input.grant ? "appeal.granted" : "appeal.denied",
      target,
      subjectId: appeal.authorId,
      reason: input.reason,
      caseId: input.caseId,
      // The notice opens the decision appealed, which shows how the appeal went.
      details: { appealId: appeal.id, decisionId: appeal.decisionId },
    });
    await tx.appeal.update({
      where: { id: appeal.id },
      data: { status: input.grant ? "granted" : "denied", decidedAt: at },
    });
    await tx.moderationCase.update({ where: { id: input.caseId }, data: { status: "decided", decidedAt: at } });
    await tellAboutDecision(tx, stored, { recipientId: appeal.authorId, type: "appeal_decided", auditId });
  });
  for (const publish of after) await publish();
  await publishNotifications(db, bus, stored);
  await publishQueueChanged(bus, input.caseId);
  return caseDetail(deps, input.caseId);
}
