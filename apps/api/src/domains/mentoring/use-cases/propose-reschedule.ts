import { AppError, serverMessages as m, type TMeeting, type TRescheduleInput, type TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { busyOf, notFree } from "../mentoring-rows.js";
import { clashes } from "../free-times.js";
import { lockMentor } from "../mentor-capacity.js";
import { changeMentoring, tellMentoring } from "../mentoring-change.js";
import { lockedMeeting, meetingAnswer, otherOf } from "../mentoring-access.js";

/** Either person proposes a new time for a meeting not yet started; it moves only when the other agrees. */
export async function proposeReschedule(
  deps: MentoringDeps,
  viewer: TViewer,
  { id, startsAt }: TRescheduleInput,
): Promise<TMeeting> {
  const at = deps.now();
  await changeMentoring(deps, async (tx, changed) => {
    const meeting = await lockedMeeting(tx, viewer, id);
    if (meeting.cancelledAt) throw new AppError("CONFLICT", m.meetingCancelled);
    if (meeting.startsAt <= at) throw new AppError("CONFLICT", m.meetingStarted);
    if (startsAt <= at) {
      throw new AppError("VALIDATION", m.timeInPast, { fieldErrors: { startsAt: [m.timeInPast] } });
    }
    await lockMentor(tx, meeting.mentorId);
    // Its own current time and earlier proposal do not count against it.
    const busy = (await busyOf(tx, [meeting.mentorId], at))
      .get(meeting.mentorId)!
      .filter(
        (b) =>
          b.startsAt.getTime() !== meeting.startsAt.getTime() &&
          b.startsAt.getTime() !== meeting.proposedStartsAt?.getTime(),
      );
    if (clashes(startsAt, meeting.lengthMinutes, busy)) throw notFree();
    await tx.mentorMeeting.update({ where: { id }, data: { proposedStartsAt: startsAt, proposedById: viewer.userId } });
    await tellMentoring(tx, changed, "meeting_reschedule_proposed", {
      recipientId: otherOf(meeting, viewer),
      actorId: viewer.userId,
      requestId: meeting.requestId,
      meetingId: id,
    });
  });
  return meetingAnswer(deps, viewer, id);
}
