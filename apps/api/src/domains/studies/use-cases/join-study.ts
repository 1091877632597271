import type { TJoinOutcome, TStudyRef, TViewer } from "@orgo/api-contract";
import { MEMBERSHIP_TOGGLES, type StudyDeps } from "../study-deps.js";
import { enforce } from "../../../platform/rate-limit/limits.js";
import { changeStudy } from "../study-change.js";
import { joinRefusal, lockStudy, requireOutside } from "../locked-study.js";
import { addMember, tellAboutStudy } from "../study-membership.js";

/** A seat if one is free, or a request when the leader approves joins; never overbooks (the row is locked). */
export async function joinStudy(deps: StudyDeps, viewer: TViewer, { id }: TStudyRef): Promise<TJoinOutcome> {
  await enforce(deps.limiter, [[`toggle:study:${viewer.userId}:${id}`, MEMBERSHIP_TOGGLES]]);
  let outcome: "joined" | "requested" = "joined";
  const study = await changeStudy(deps, viewer, id, async (tx) => {
    const locked = await lockStudy(deps, tx, id);
    await requireOutside(tx, locked, viewer);
    if (locked.status !== "recruiting") throw joinRefusal(locked);
    const tell = { recipientId: locked.leaderId, actorId: viewer.userId, studyId: id };
    if (locked.requiresApproval) {
      outcome = "requested";
      await tx.studyRequest.create({ data: { studyId: id, userId: viewer.userId } });
      return [await tellAboutStudy(tx, { ...tell, type: "study_requested" })];
    }
    await addMember(tx, id, viewer.userId);
    return [await tellAboutStudy(tx, { ...tell, type: "study_joined" })];
  });
  return { outcome, study };
}
