import { AppError, serverMessages as m, type TStudy, type TStudyRef, type TViewer } from "@orgo/api-contract";
import { MEMBERSHIP_TOGGLES, type StudyDeps } from "../study-deps.js";
import { enforce } from "../../../platform/rate-limit/limits.js";
import { changeStudy } from "../study-change.js";
import { lockStudy } from "../locked-study.js";
import { promoteWaitlist, removeMemberRows, tellAboutStudy } from "../study-membership.js";

/** Frees my seat (the first in line is promoted), or my place in line, or my request. */
export async function leaveStudy(deps: StudyDeps, viewer: TViewer, { id }: TStudyRef): Promise<TStudy> {
  await enforce(deps.limiter, [[`toggle:study:${viewer.userId}:${id}`, MEMBERSHIP_TOGGLES]]);
  return changeStudy(deps, viewer, id, async (tx) => {
    const locked = await lockStudy(deps, tx, id);
    if (locked.leaderId === viewer.userId) throw new AppError("VALIDATION", m.leaderCannotLeave);
    if (await removeMemberRows(tx, id, viewer.userId)) {
      const left = await tellAboutStudy(tx, {
        recipientId: locked.leaderId,
        actorId: viewer.userId,
        type: "study_left",
        studyId: id,
      });
      return [left, ...(await promoteWaitlist(deps, tx, id, viewer.userId))];
    }
    const waiting = await tx.studyWaitlistEntry.deleteMany({ where: { studyId: id, userId: viewer.userId } });
    const asked = await tx.studyRequest.deleteMany({ where: { studyId: id, userId: viewer.userId } });
    if (waiting.count + asked.count === 0) throw new AppError("NOT_FOUND", m.notInStudy);
    return [];
  });
}
