import {
  AppError,
  serverMessages as m,
  type TDeclineRequestInput,
  type TMentorRequest,
  type TViewer,
} from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { WAITING } from "../mentoring-rows.js";
import { changeMentoring, tellMentoring } from "../mentoring-change.js";
import { lockedRequest, requestAnswer } from "../mentoring-access.js";

/** The mentor says no, with an optional note the learner sees. */
export async function declineRequest(
  deps: MentoringDeps,
  viewer: TViewer,
  input: TDeclineRequestInput,
): Promise<TMentorRequest> {
  await changeMentoring(deps, async (tx, changed) => {
    const request = await lockedRequest(tx, viewer, input.id);
    if (request.mentorId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyMentorAnswers);
    if (!WAITING.includes(request.status as never)) throw new AppError("CONFLICT", m.requestNotOpen);
    await tx.mentorRequest.update({
      where: { id: input.id },
      data: { status: "declined", declineNote: input.note || null, answeredAt: deps.now() },
    });
    await tellMentoring(tx, changed, "mentor_declined", {
      recipientId: request.learnerId,
      actorId: viewer.userId,
      requestId: request.id,
    });
  });
  return requestAnswer(deps, viewer, input.id);
}
