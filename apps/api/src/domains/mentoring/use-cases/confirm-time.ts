import { AppError, serverMessages as m, type TMeeting, type TRequestRef, type TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { changeMentoring } from "../mentoring-change.js";
import { lockedRequest } from "../mentoring-access.js";
import { announceMeeting, openMeeting } from "../open-meeting.js";

/** The learner takes the mentor's other time: a meeting and the pair's room. */
export async function confirmTime(deps: MentoringDeps, viewer: TViewer, { id }: TRequestRef): Promise<TMeeting> {
  const at = deps.now();
  const opened = await changeMentoring(deps, async (tx, changed) => {
    const request = await lockedRequest(tx, viewer, id);
    if (request.learnerId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyLearnerConfirms);
    if (request.status !== "countered" || request.expiresAt <= at) throw new AppError("CONFLICT", m.requestNotOpen);
    const startsAt = request.counterTime!;
    if (startsAt <= at) throw new AppError("CONFLICT", m.timeInPast);
    return openMeeting(deps, tx, changed, request, {
      at,
      startsAt,
      place: request.place,
      by: viewer,
      type: "mentor_confirmed",
    });
  });
  return announceMeeting(deps, viewer, opened);
}
