import type { TCreateStudyInput, TStudy, TViewer } from "@orgo/api-contract";
import type { StudyDeps } from "../study-deps.js";
import { dateOf, inKnownTimeZone } from "../study-fields.js";
import { publishStudyChanged } from "../study-events.js";
import { loadStudy } from "../study-rows.js";

/** A new study led by its author, who holds its first seat and its chat room's first place. */
export async function createStudy(deps: StudyDeps, viewer: TViewer, input: TCreateStudyInput): Promise<TStudy> {
  const { db, bus } = deps;
  const { held } = await deps.guard.screen(viewer, { texts: [input.title, input.description, input.location ?? ""] });
  const { id, caseId } = await inKnownTimeZone(
    db.$transaction(async (tx) => {
      const study = await tx.study.create({
        data: {
          leaderId: viewer.userId,
          title: input.title,
          description: input.description,
          startsOn: dateOf(input.startsOn),
          endsOn: dateOf(input.endsOn),
          recruitUntil: input.recruitUntil ? dateOf(input.recruitUntil) : null,
          online: input.online,
          location: input.online ? (input.location ?? null) : input.location!,
          capacity: input.capacity,
          tags: input.tags,
          timeZone: input.timeZone,
          requiresApproval: input.requiresApproval,
          schedule: input.schedule ?? [],
          memberCount: 1,
          // A watched word holds it for review: hidden from others until a moderator decides.
          hiddenAt: held ? deps.now() : null,
          members: { create: { userId: viewer.userId } },
          chatRoom: { create: { members: { create: { userId: viewer.userId } } } },
        },
        select: { id: true },
      });
      const caseId = held ? await deps.guard.fileHeld(tx, viewer, { kind: "study", id: study.id }, held) : null;
      return { id: study.id, caseId };
    }),
  );
  await deps.guard.announce(caseId);
  await publishStudyChanged(bus, id);
  return loadStudy(deps, id, viewer);
}
