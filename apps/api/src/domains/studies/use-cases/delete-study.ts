import type { TStudyRef, TViewer } from "@orgo/api-contract";
import type { StudyDeps } from "../study-deps.js";
import { lockStudy, requireLeader } from "../locked-study.js";
import { publishStudyChanged } from "../study-events.js";

/** The leader only; the study disappears from lists and its page (soft delete). */
export async function deleteStudy(deps: StudyDeps, viewer: TViewer, { id }: TStudyRef): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    requireLeader(await lockStudy(deps, tx, id), viewer);
    await tx.study.update({ where: { id }, data: { deletedAt: deps.now() } });
  });
  await publishStudyChanged(deps.bus, id, true);
}
