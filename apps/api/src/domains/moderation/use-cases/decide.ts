import {
  AppError,
  serverMessages as m,
  type TCaseDetail,
  type TDecideInput,
  type TReportTargetKind,
  type TViewer,
} from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import { publishSessionsRevoked } from "../../../platform/sessions/revoked.js";
import { publishNotifications, type StoredNotifications } from "../../notifications/notification.service.js";
import { publishUsersChanged } from "../../users/user-events.js";
import { isSuspended } from "../../safety/suspension.js";
import type { ModerationDeps } from "../moderation-deps.js";
import { caseDetail, claimCase, lockCase } from "../case-rows.js";
import { deleteTarget, requireApplicable, setHidden, type AfterCommit } from "../effects.js";
import { liftSuspension, suspend } from "../suspensions.js";
import { writeAudit } from "../audit.js";
import { subjectNotice, tellAboutDecision, tellReporters } from "../notices.js";
import { publishQueueChanged } from "../../safety/queue-signal.js";
import { snapshotFromJson, targetLabel } from "../../safety/report-cases.js";

/**
 * Decides a case of reports: dismiss; hide or delete the content; warn its author;
 * suspend them (for a day, a week, a month or until lifted; their content kept or
 * hidden meanwhile); lift their suspension. One transaction: the effect, the audit
 * entry (with the stored reason), the case closed, and the notices to every reporter
 * and to the person it is about. After the commit the effect reaches every process:
 * lists drop hidden content, rooms show the placeholder, a suspended person's
 * sockets close.
 */
export async function decide(deps: ModerationDeps, viewer: TViewer, input: TDecideInput): Promise<TCaseDetail> {
  const { db, bus } = deps;
  const at = deps.now();
  const after: AfterCommit[] = [];
  const stored: StoredNotifications = [];
  let endedSessions: string[] = [];
  await db.$transaction(async (tx) => {
    // A suspension can still be lifted from the case it was decided on once that case
    // is closed: with the person's content hidden, it may be the only case about them.
    const liftLater = input.action === "lift" && (await lockCase(tx, input.caseId)).status === "decided";
    if (!liftLater) await claimCase(tx, viewer, input.caseId, at);
    const kase = await tx.moderationCase.findUniqueOrThrow({
      where: { id: input.caseId },
      select: {
        kind: true,
        targetKind: true,
        targetKey: true,
        ownerId: true,
      },
    });
    if (kase.kind !== "reports") throw new AppError("VALIDATION", m.actionNotForTarget);
    const kind = kase.targetKind as TReportTargetKind;
    requireApplicable(kind, input.action, kase.ownerId);
    const target = { kind, key: kase.targetKey, label: await labelOf(tx, kind, input.caseId) };
    const details: Record<string, unknown> = {};
    switch (input.action) {
      case "hide":
        after.push(await setHidden(deps, tx, target, true, at));
        break;
      case "delete":
        after.push(await deleteTarget(deps, tx, target, at));
        break;
      case "suspend": {
        const suspension = input.suspension!;
        const done = await suspend(deps, tx, {
          userId: kase.ownerId!,
          length: suspension.length,
          hideContent: suspension.hideContent,
          reason: input.reason,
          at,
        });
        endedSessions = done.endedSessions;
        details.until = done.until?.toISOString() ?? null;
        details.hideContent = suspension.hideContent;
        if (suspension.hideContent) after.push(() => publishUsersChanged(bus, [kase.ownerId!]));
        break;
      }
      case "lift": {
        const owner = await tx.user.findUniqueOrThrow({
          where: { id: kase.ownerId! },
          select: { suspendedAt: true, suspendedUntil: true, suspensionReason: true },
        });
        if (!isSuspended(owner, at) || !(await liftSuspension(tx, kase.ownerId!))) {
          throw new AppError("CONFLICT", m.notSuspended);
        }
        after.push(() => publishUsersChanged(bus, [kase.ownerId!]));
        break;
      }
      case "warn":
      case "dismiss":
        break;
    }
    const auditId = await writeAudit(tx, {
      actorId: viewer.userId,
      action: `decision.${input.action}`,
      target,
      subjectId: kase.ownerId,
      reason: input.reason,
      caseId: input.caseId,
      details,
    });
    if (!liftLater) {
      await tx.moderationCase.update({ where: { id: input.caseId }, data: { status: "decided", decidedAt: at } });
      const acted = input.action !== "dismiss" && input.action !== "lift";
      await tellReporters(tx, stored, input.caseId, auditId, acted ? "actioned" : "dismissed", at);
    }
    const notice = subjectNotice[input.action];
    if (notice && kase.ownerId)
      await tellAboutDecision(tx, stored, { recipientId: kase.ownerId, type: notice, auditId });
  });
  await publishSessionsRevoked(bus, endedSessions);
  for (const publish of after) await publish();
  await publishNotifications(db, bus, stored);
  await publishQueueChanged(bus, input.caseId);
  return caseDetail(deps, input.caseId);
}

/** The case's label as its queue shows it (the first report's snapshot). */
async function labelOf(tx: Prisma.TransactionClient, kind: TReportTargetKind, caseId: number) {
  const first = await tx.report.findFirst({ where: { caseId }, orderBy: { id: "asc" }, select: { snapshot: true } });
  return first ? targetLabel(kind, snapshotFromJson(first.snapshot)) : "";
}
