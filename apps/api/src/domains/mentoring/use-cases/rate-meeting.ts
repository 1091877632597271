import { AppError, serverMessages as m, type TMeeting, type TRateMeetingInput, type TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { meetingEnd } from "../mentoring-rows.js";
import { changeMentoring, tellMentoring } from "../mentoring-change.js";
import { lockedMeeting, meetingAnswer } from "../mentoring-access.js";

/** The learner rates a meeting once, after its end (not merely its start); the mentor's average moves. */
export async function rateMeeting(deps: MentoringDeps, viewer: TViewer, input: TRateMeetingInput): Promise<TMeeting> {
  const at = deps.now();
  await changeMentoring(deps, async (tx, changed) => {
    const meeting = await lockedMeeting(tx, viewer, input.id);
    if (meeting.learnerId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyLearnerRates);
    if (meeting.cancelledAt) throw new AppError("CONFLICT", m.meetingCancelled);
    if (meetingEnd(meeting) > at) throw new AppError("CONFLICT", m.meetingNotOver);
    if (meeting.rating !== null) throw new AppError("CONFLICT", m.alreadyRated);
    await tx.mentorMeeting.update({
      where: { id: input.id },
      data: { rating: input.rating, ratingComment: input.comment || null, ratingPublic: input.public, ratedAt: at },
    });
    await tx.mentorProfile.update({
      where: { userId: meeting.mentorId },
      data: { ratingSum: { increment: input.rating }, ratingCount: { increment: 1 } },
    });
    await tellMentoring(tx, changed, "mentor_rated", {
      recipientId: meeting.mentorId,
      actorId: viewer.userId,
      requestId: meeting.requestId,
      meetingId: input.id,
    });
  });
  return meetingAnswer(deps, viewer, input.id);
}
