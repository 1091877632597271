import {
  AppError,
  serverMessages as m,
  type TAnswerRescheduleInput,
  type TMeeting,
  type TViewer,
} from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { scheduleMeetingJobs } from "../mentoring-jobs.js";
import { changeMentoring, tellMentoring } from "../mentoring-change.js";
import { lockedMeeting, meetingAnswer } from "../mentoring-access.js";

/** The other person agrees (the meeting and its reminders move) or not; the proposer is told. */
export async function answerReschedule(
  deps: MentoringDeps,
  viewer: TViewer,
  { id, accept }: TAnswerRescheduleInput,
): Promise<TMeeting> {
  const at = deps.now();
  await changeMentoring(deps, async (tx, changed) => {
    const meeting = await lockedMeeting(tx, viewer, id);
    if (meeting.cancelledAt) throw new AppError("CONFLICT", m.meetingCancelled);
    if (!meeting.proposedStartsAt || !meeting.proposedById) throw new AppError("CONFLICT", m.noProposal);
    if (meeting.proposedById === viewer.userId) throw new AppError("FORBIDDEN", m.ownProposal);
    const proposer = meeting.proposedById;
    if (accept) {
      if (meeting.proposedStartsAt <= at) throw new AppError("CONFLICT", m.timeInPast);
      await tx.mentorMeeting.update({
        where: { id },
        data: { startsAt: meeting.proposedStartsAt, proposedStartsAt: null, proposedById: null },
      });
      await scheduleMeetingJobs(deps.jobs, tx, {
        id,
        startsAt: meeting.proposedStartsAt,
        lengthMinutes: meeting.lengthMinutes,
      });
    } else {
      await tx.mentorMeeting.update({ where: { id }, data: { proposedStartsAt: null, proposedById: null } });
    }
    await tellMentoring(tx, changed, accept ? "meeting_rescheduled" : "meeting_reschedule_declined", {
      recipientId: proposer,
      actorId: viewer.userId,
      requestId: meeting.requestId,
      meetingId: id,
    });
  });
  return meetingAnswer(deps, viewer, id);
}
