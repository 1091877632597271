import { AppError, serverMessages as m, type TStudy, type TStudyMemberRef, type TViewer } from "@orgo/api-contract";
import type { StudyDeps } from "../study-deps.js";
import { changeStudy } from "../study-change.js";
import { lockStudy, requireLeader } from "../locked-study.js";
import { tellAboutStudy } from "../study-membership.js";

/** The leader says no to a person who asked; they are told. */
export function declineRequest(deps: StudyDeps, viewer: TViewer, { id, userId }: TStudyMemberRef): Promise<TStudy> {
  return changeStudy(deps, viewer, id, async (tx) => {
    requireLeader(await lockStudy(deps, tx, id), viewer);
    const request = await tx.studyRequest.deleteMany({ where: { studyId: id, userId } });
    if (request.count === 0) throw new AppError("NOT_FOUND", m.noSuchRequest);
    return [
      await tellAboutStudy(tx, { recipientId: userId, actorId: viewer.userId, type: "study_declined", studyId: id }),
    ];
  });
}
