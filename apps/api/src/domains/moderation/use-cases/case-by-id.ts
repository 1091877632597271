import type { TCaseDetail, TCaseRef, TViewer } from "@orgo/api-contract";
import type { ModerationDeps } from "../moderation-deps.js";
import { caseDetail } from "../case-rows.js";
import { writeAudit } from "../audit.js";

/**
 * One case for a moderator. Opening a reported message's case reads a window of a
 * private room: the first time each moderator does, it is written to the audit log.
 */
export async function caseById(deps: ModerationDeps, viewer: TViewer, { caseId }: TCaseRef): Promise<TCaseDetail> {
  const detail = await caseDetail(deps, caseId);
  if (detail.target.kind === "message") {
    const seen = await deps.db.auditEntry.count({ where: { action: "chat.viewed", caseId, actorId: viewer.userId } });
    if (seen === 0) {
      await deps.db.$transaction((tx) =>
        writeAudit(tx, {
          actorId: viewer.userId,
          action: "chat.viewed",
          target: detail.target,
          subjectId: detail.owner?.id ?? null,
          caseId,
        }),
      );
    }
  }
  return detail;
}
