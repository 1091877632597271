import { AppError, serverMessages as m, type TMeeting, type TSetPlaceInput, type TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { meetingEnd } from "../mentoring-rows.js";
import { changeMentoring, tellMentoring } from "../mentoring-change.js";
import { lockedMeeting, meetingAnswer } from "../mentoring-access.js";

/** The mentor sets where the meeting happens (a call link or a place) until it is over. */
export async function setPlace(deps: MentoringDeps, viewer: TViewer, { id, place }: TSetPlaceInput): Promise<TMeeting> {
  await changeMentoring(deps, async (tx, changed) => {
    const meeting = await lockedMeeting(tx, viewer, id);
    if (meeting.mentorId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyMentorSetsPlace);
    if (meeting.cancelledAt) throw new AppError("CONFLICT", m.meetingCancelled);
    if (meetingEnd(meeting) <= deps.now()) throw new AppError("CONFLICT", m.meetingStarted);
    await tx.mentorMeeting.update({ where: { id }, data: { place } });
    await tellMentoring(tx, changed, "meeting_place", {
      recipientId: meeting.learnerId,
      actorId: viewer.userId,
      requestId: meeting.requestId,
      meetingId: id,
    });
  });
  return meetingAnswer(deps, viewer, id);
}
