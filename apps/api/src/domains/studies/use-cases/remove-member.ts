import { AppError, serverMessages as m, type TStudy, type TStudyMemberRef, type TViewer } from "@orgo/api-contract";
import type { StudyDeps } from "../study-deps.js";
import { changeStudy } from "../study-change.js";
import { lockStudy, requireLeader } from "../locked-study.js";
import { promoteWaitlist, removeMemberRows, tellAboutStudy } from "../study-membership.js";

/** The leader removes a member (never themselves); the seat goes to the first in line. */
export function removeMember(deps: StudyDeps, viewer: TViewer, { id, userId }: TStudyMemberRef): Promise<TStudy> {
  return changeStudy(deps, viewer, id, async (tx) => {
    const locked = await lockStudy(deps, tx, id);
    requireLeader(locked, viewer);
    if (userId === viewer.userId) throw new AppError("VALIDATION", m.leaderCannotLeave);
    if (!(await removeMemberRows(tx, id, userId))) throw new AppError("NOT_FOUND", m.notInStudy);
    const removed = await tellAboutStudy(tx, {
      recipientId: userId,
      actorId: viewer.userId,
      type: "study_removed",
      studyId: id,
    });
    return [removed, ...(await promoteWaitlist(deps, tx, id, viewer.userId))];
  });
}
