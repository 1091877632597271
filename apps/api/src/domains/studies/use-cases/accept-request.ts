import { AppError, serverMessages as m, type TStudy, type TStudyMemberRef, type TViewer } from "@orgo/api-contract";
import type { StudyDeps } from "../study-deps.js";
import { changeStudy } from "../study-change.js";
import { lockStudy, requireLeader } from "../locked-study.js";
import { addMember, tellAboutStudy } from "../study-membership.js";

/** The leader lets a person who asked in, if a seat is free. */
export function acceptRequest(deps: StudyDeps, viewer: TViewer, { id, userId }: TStudyMemberRef): Promise<TStudy> {
  return changeStudy(deps, viewer, id, async (tx) => {
    const locked = await lockStudy(deps, tx, id);
    requireLeader(locked, viewer);
    const request = await tx.studyRequest.deleteMany({ where: { studyId: id, userId } });
    if (request.count === 0) throw new AppError("NOT_FOUND", m.noSuchRequest);
    if (locked.memberCount >= locked.capacity) throw new AppError("CONFLICT", m.studyFull);
    await addMember(tx, id, userId);
    return [
      await tellAboutStudy(tx, { recipientId: userId, actorId: viewer.userId, type: "study_accepted", studyId: id }),
    ];
  });
}
