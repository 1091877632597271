import type { TStudy, TStudyRef, TViewer } from "@orgo/api-contract";
import type { StudyDeps } from "../study-deps.js";
import { changeStudy } from "../study-change.js";
import { lockStudy, requireLeader } from "../locked-study.js";

/** The leader stops recruiting (the study's status becomes closed). */
export function closeRecruiting(deps: StudyDeps, viewer: TViewer, { id }: TStudyRef): Promise<TStudy> {
  return changeStudy(deps, viewer, id, async (tx) => {
    requireLeader(await lockStudy(deps, tx, id), viewer);
    await tx.study.update({ where: { id }, data: { recruitingClosedAt: deps.now() } });
    return [];
  });
}
