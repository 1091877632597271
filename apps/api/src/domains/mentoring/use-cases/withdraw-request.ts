import { AppError, serverMessages as m, type TMentorRequest, type TRequestRef, type TViewer } from "@orgo/api-contract";
import { REQUEST_TOGGLES, type MentoringDeps } from "../mentoring-deps.js";
import { enforce } from "../../../platform/rate-limit/limits.js";
import { WAITING } from "../mentoring-rows.js";
import { changeMentoring, tellMentoring } from "../mentoring-change.js";
import { lockedRequest, requestAnswer } from "../mentoring-access.js";

/** The learner takes back a request still waiting; the mentor is told. */
export async function withdrawRequest(
  deps: MentoringDeps,
  viewer: TViewer,
  { id }: TRequestRef,
): Promise<TMentorRequest> {
  const mentor = await deps.db.mentorRequest.findUnique({ where: { id }, select: { mentorId: true } });
  if (mentor) await enforce(deps.limiter, [[`toggle:mentoring:${viewer.userId}:${mentor.mentorId}`, REQUEST_TOGGLES]]);
  await changeMentoring(deps, async (tx, changed) => {
    const request = await lockedRequest(tx, viewer, id);
    if (request.learnerId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyLearnerConfirms);
    if (!WAITING.includes(request.status as never)) throw new AppError("CONFLICT", m.requestNotOpen);
    await tx.mentorRequest.update({ where: { id }, data: { status: "withdrawn", answeredAt: deps.now() } });
    await tellMentoring(tx, changed, "mentor_withdrawn", {
      recipientId: request.mentorId,
      actorId: viewer.userId,
      requestId: id,
    });
  });
  return requestAnswer(deps, viewer, id);
}
