import { AppError, serverMessages as m, type TStudy, type TUpdateStudyInput, type TViewer } from "@orgo/api-contract";
import type { StudyDeps } from "../study-deps.js";
import { changeStudy } from "../study-change.js";
import { dateOf, inKnownTimeZone } from "../study-fields.js";
import { lockStudy, requireLeader } from "../locked-study.js";
import { promoteWaitlist } from "../study-membership.js";

/** The leader only; never fewer seats than members; more seats move the waitlist up. */
export async function updateStudy(deps: StudyDeps, viewer: TViewer, input: TUpdateStudyInput): Promise<TStudy> {
  const { held } = await deps.guard.screen(viewer, { texts: [input.title, input.description, input.location ?? ""] });
  let caseId: number | null = null;
  const study = await inKnownTimeZone(
    changeStudy(deps, viewer, input.id, async (tx) => {
      const study = await lockStudy(deps, tx, input.id);
      requireLeader(study, viewer);
      if (input.capacity < study.memberCount) {
        throw new AppError("VALIDATION", m.capacityBelowMembers, {
          fieldErrors: { capacity: [m.capacityBelowMembers] },
        });
      }
      await tx.study.update({
        where: { id: input.id },
        data: {
          title: input.title,
          description: input.description,
          startsOn: dateOf(input.startsOn),
          endsOn: dateOf(input.endsOn),
          recruitUntil: input.recruitUntil ? dateOf(input.recruitUntil) : null,
          online: input.online,
          location: input.location ?? null,
          capacity: input.capacity,
          tags: input.tags,
          timeZone: input.timeZone,
          requiresApproval: input.requiresApproval,
          ...(input.schedule ? { schedule: input.schedule } : {}),
          updatedAt: deps.now(),
          ...(held ? { hiddenAt: deps.now() } : {}),
        },
      });
      if (held) caseId = await deps.guard.fileHeld(tx, viewer, { kind: "study", id: input.id }, held);
      return promoteWaitlist(deps, tx, input.id, viewer.userId);
    }),
  );
  await deps.guard.announce(caseId);
  return study;
}
