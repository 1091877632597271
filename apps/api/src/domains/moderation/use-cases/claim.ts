import { AppError, serverMessages as m, type TCaseDetail, type TCaseRef, type TViewer } from "@orgo/api-contract";
import type { ModerationDeps } from "../moderation-deps.js";
import { caseDetail, claimCase } from "../case-rows.js";
import { publishQueueChanged } from "../../safety/queue-signal.js";

/** Takes a case (free, mine already, or a claim that lapsed), so two moderators do not handle the same one. */
export async function claim(deps: ModerationDeps, viewer: TViewer, { caseId }: TCaseRef): Promise<TCaseDetail> {
  await deps.db.$transaction((tx) => claimCase(tx, viewer, caseId, deps.now()));
  await publishQueueChanged(deps.bus, caseId);
  return caseDetail(deps, caseId);
}

/** Lets go of a case I claimed. */
export async function release(deps: ModerationDeps, viewer: TViewer, { caseId }: TCaseRef): Promise<TCaseDetail> {
  const released = await deps.db.moderationCase.updateMany({
    where: { id: caseId, claimedById: viewer.userId, status: "open" },
    data: { claimedById: null, claimedAt: null },
  });
  if (released.count === 0) throw new AppError("CONFLICT", m.caseClaimedByOther);
  await publishQueueChanged(deps.bus, caseId);
  return caseDetail(deps, caseId);
}
