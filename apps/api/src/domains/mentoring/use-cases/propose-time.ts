import {
  AppError,
  serverMessages as m,
  type TAnswerRequestInput,
  type TMentorRequest,
  type TViewer,
} from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { busyOf, WAITING } from "../mentoring-rows.js";
import { freeStarts } from "../free-times.js";
import { assertCapacity } from "../mentor-capacity.js";
import { changeMentoring, tellMentoring } from "../mentoring-change.js";
import { lockedRequest, requestAnswer } from "../mentoring-access.js";
import { weeklySlotsOf } from "../../../platform/time/weekly-sessions.js";

/** The mentor offers another of their free times instead; the learner confirms it or not. */
export async function proposeTime(
  deps: MentoringDeps,
  viewer: TViewer,
  input: TAnswerRequestInput,
): Promise<TMentorRequest> {
  const at = deps.now();
  await changeMentoring(deps, async (tx, changed) => {
    const request = await lockedRequest(tx, viewer, input.id);
    if (request.mentorId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyMentorAnswers);
    if (!WAITING.includes(request.status as never) || request.expiresAt <= at) {
      throw new AppError("CONFLICT", m.requestNotOpen);
    }
    if (input.startsAt <= at) {
      throw new AppError("VALIDATION", m.timeInPast, { fieldErrors: { startsAt: [m.timeInPast] } });
    }
    await assertCapacity(tx, request.mentorId, at);
    // The mentor's other time must be one of their own free times (their earlier offer on this request aside).
    const profile = await tx.mentorProfile.findUniqueOrThrow({ where: { userId: request.mentorId } });
    const busy = (await busyOf(tx, [request.mentorId], at))
      .get(request.mentorId)!
      .filter((b) => request.status !== "countered" || b.startsAt.getTime() !== request.counterTime?.getTime());
    const free = freeStarts(
      { slots: weeklySlotsOf(profile.slots), timeZone: profile.timeZone },
      busy,
      at,
      request.lengthMinutes,
    );
    if (!free.some((t) => t.getTime() === input.startsAt.getTime())) {
      throw new AppError("VALIDATION", m.timeNotFree, { fieldErrors: { startsAt: [m.timeNotFree] } });
    }
    await tx.mentorRequest.update({
      where: { id: input.id },
      data: { status: "countered", counterTime: input.startsAt, place: input.place ?? null },
    });
    await tellMentoring(tx, changed, "mentor_countered", {
      recipientId: request.learnerId,
      actorId: viewer.userId,
      requestId: request.id,
    });
  });
  return requestAnswer(deps, viewer, input.id);
}
