import {
  AppError,
  serverMessages as m,
  type TCancelMeetingInput,
  type TMeeting,
  type TViewer,
} from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { changeMentoring, tellMentoring } from "../mentoring-change.js";
import { lockedMeeting, meetingAnswer, otherOf } from "../mentoring-access.js";

/** Either person cancels a meeting not yet started, with a reason the other is told. */
export async function cancelMeeting(
  deps: MentoringDeps,
  viewer: TViewer,
  { id, reason }: TCancelMeetingInput,
): Promise<TMeeting> {
  const at = deps.now();
  await changeMentoring(deps, async (tx, changed) => {
    const meeting = await lockedMeeting(tx, viewer, id);
    if (meeting.cancelledAt) throw new AppError("CONFLICT", m.meetingCancelled);
    if (meeting.startsAt <= at) throw new AppError("CONFLICT", m.meetingStarted);
    await tx.mentorMeeting.update({
      where: { id },
      data: { cancelledAt: at, cancelledById: viewer.userId, cancelReason: reason, proposedStartsAt: null },
    });
    await tellMentoring(tx, changed, "meeting_cancelled", {
      recipientId: otherOf(meeting, viewer),
      actorId: viewer.userId,
      requestId: meeting.requestId,
      meetingId: id,
    });
  });
  return meetingAnswer(deps, viewer, id);
}
