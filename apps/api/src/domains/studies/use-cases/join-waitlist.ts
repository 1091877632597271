import { AppError, serverMessages as m, type TJoinOutcome, type TStudyRef, type TViewer } from "@orgo/api-contract";
import { MEMBERSHIP_TOGGLES, type StudyDeps } from "../study-deps.js";
import { enforce } from "../../../platform/rate-limit/limits.js";
import { changeStudy } from "../study-change.js";
import { isOnlyFull, lockStudy, requireOutside } from "../locked-study.js";

/** A place in line; only a full study that would otherwise recruit has a line to stand in. */
export async function joinWaitlist(deps: StudyDeps, viewer: TViewer, { id }: TStudyRef): Promise<TJoinOutcome> {
  await enforce(deps.limiter, [[`toggle:study:${viewer.userId}:${id}`, MEMBERSHIP_TOGGLES]]);
  const study = await changeStudy(deps, viewer, id, async (tx) => {
    const locked = await lockStudy(deps, tx, id);
    await requireOutside(tx, locked, viewer);
    if (!isOnlyFull(locked)) throw new AppError("VALIDATION", m.notRecruiting);
    await tx.studyWaitlistEntry.create({ data: { studyId: id, userId: viewer.userId } });
    return [];
  });
  return { outcome: "waitlisted", study };
}
