import { AppError, serverMessages as m, type TMyReport, type TReportInput, type TViewer } from "@orgo/api-contract";
import { enforce } from "../../../platform/rate-limit/limits.js";
import { fileReport, readTarget } from "../../safety/report-cases.js";
import type { ModerationDeps } from "../moderation-deps.js";
import { writeAudit } from "../audit.js";
import { publishQueueChanged } from "../../safety/queue-signal.js";

/** Reports a person may make per hour (a reporting spree is itself abuse). */
const REPORTS_PER_HOUR = { limit: 20, windowMs: 3600_000 };

/**
 * Files my report of something I can see, snapshotted as it is now; one open report
 * per person per target. The target is never told who reported it. A reported
 * message shares with moderators itself and the ten before it, and that sharing is
 * written to the audit log.
 */
export async function report(deps: ModerationDeps, viewer: TViewer, input: TReportInput): Promise<TMyReport> {
  await enforce(deps.limiter, [[`report:${viewer.userId}`, REPORTS_PER_HOUR]]);
  const target = await readTarget(deps, input.target, viewer.userId);
  if (!target) throw new AppError("NOT_FOUND", m.noSuchReportTarget);
  if (target.ownerId === viewer.userId) throw new AppError("VALIDATION", m.cannotReportOwn);
  const at = deps.now();
  const filed = await deps.db.$transaction(async (tx) => {
    const filed = await fileReport(tx, {
      target,
      reporterId: viewer.userId,
      reason: input.reason,
      note: input.note,
      at,
    });
    if (target.kind === "message") {
      await writeAudit(tx, {
        actorId: viewer.userId,
        action: "chat.shared",
        target,
        subjectId: target.ownerId,
        caseId: filed.caseId,
        details: { seqs: target.snapshot.window?.map((message) => message.seq) ?? [] },
      });
    }
    return filed;
  });
  await publishQueueChanged(deps.bus, filed.caseId);
  return {
    id: filed.reportId,
    target: { kind: target.kind, key: target.key, label: target.label },
    reason: input.reason,
    note: input.note,
    state: "received",
    createdAt: at,
    decidedAt: null,
  };
}
