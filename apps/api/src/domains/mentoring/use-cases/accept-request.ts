import {
  AppError,
  serverMessages as m,
  type TAnswerRequestInput,
  type TMeeting,
  type TViewer,
} from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { WAITING } from "../mentoring-rows.js";
import { changeMentoring } from "../mentoring-change.js";
import { lockedRequest } from "../mentoring-access.js";
import { announceMeeting, openMeeting } from "../open-meeting.js";

/** The mentor accepts one of the proposed times: a meeting and the pair's room. */
export async function acceptRequest(
  deps: MentoringDeps,
  viewer: TViewer,
  input: TAnswerRequestInput,
): Promise<TMeeting> {
  const at = deps.now();
  const opened = await changeMentoring(deps, async (tx, changed) => {
    const request = await lockedRequest(tx, viewer, input.id);
    if (request.mentorId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyMentorAnswers);
    if (!WAITING.includes(request.status as never) || request.expiresAt <= at) {
      throw new AppError("CONFLICT", m.requestNotOpen);
    }
    if (!request.proposedTimes.some((t) => t.getTime() === input.startsAt.getTime())) {
      throw new AppError("VALIDATION", m.notProposedTime, { fieldErrors: { startsAt: [m.notProposedTime] } });
    }
    if (input.startsAt <= at) {
      throw new AppError("VALIDATION", m.timeInPast, { fieldErrors: { startsAt: [m.timeInPast] } });
    }
    return openMeeting(deps, tx, changed, request, {
      at,
      startsAt: input.startsAt,
      place: input.place ?? request.place ?? null,
      by: viewer,
      type: "mentor_accepted",
    });
  });
  return announceMeeting(deps, viewer, opened);
}
