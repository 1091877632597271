import {
  AppError,
  MAX_OPEN_REQUESTS,
  REQUEST_TTL_DAYS,
  serverMessages as m,
  type TMentorRequest,
  type TSendRequestInput,
  type TViewer,
} from "@orgo/api-contract";
import { isUniqueViolation } from "@orgo/db";
import { blockedBetween } from "../../social/blocks.js";
import { REQUEST_TOGGLES, type MentoringDeps } from "../mentoring-deps.js";
import { enforce } from "../../../platform/rate-limit/limits.js";
import { busyOf, openCounts, WAITING } from "../mentoring-rows.js";
import { freeStarts } from "../free-times.js";
import { changeMentoring, tellMentoring } from "../mentoring-change.js";
import { requestAnswer } from "../mentoring-access.js";
import { weeklySlotsOf } from "../../../platform/time/weekly-sessions.js";

const DAY = 24 * 3600_000;

/**
 * A learner asks a mentor for up to three of the mentor's free times: one open
 * request per pair and five per learner (even when sends race), within the mentor's
 * capacity; unanswered, it expires after a week (a job on the queue).
 */
export async function sendRequest(
  deps: MentoringDeps,
  viewer: TViewer,
  input: TSendRequestInput,
): Promise<TMentorRequest> {
  const { db, jobs, now } = deps;
  await enforce(deps.limiter, [[`toggle:mentoring:${viewer.userId}:${input.mentorId}`, REQUEST_TOGGLES]]);
  if (input.mentorId === viewer.userId) {
    throw new AppError("VALIDATION", m.cannotMentorSelf, { fieldErrors: { mentorId: [m.cannotMentorSelf] } });
  }
  const profile = await db.mentorProfile.findUnique({ where: { userId: input.mentorId } });
  if (!profile) throw new AppError("NOT_FOUND", m.noSuchMentor);
  if (await blockedBetween(db, viewer.userId, input.mentorId)) throw new AppError("FORBIDDEN", m.blocked);
  if (!profile.active || profile.paused) throw new AppError("CONFLICT", m.mentorNotAccepting);
  if (!profile.topics.includes(input.topic)) {
    throw new AppError("VALIDATION", m.topicNotOffered, { fieldErrors: { topic: [m.topicNotOffered] } });
  }
  const at = now();
  if (input.proposedTimes.some((t) => t <= at)) {
    throw new AppError("VALIDATION", m.timeInPast, { fieldErrors: { proposedTimes: [m.timeInPast] } });
  }
  try {
    const id = await changeMentoring(deps, async (tx, changed) => {
      // One learner's sends run one at a time, so the five-request limit holds under races.
      await tx.$queryRaw`select id from "User" where id = ${viewer.userId}::uuid for update`;
      const mine = await tx.mentorRequest.findMany({
        where: { learnerId: viewer.userId, status: { in: WAITING } },
        select: { mentorId: true },
      });
      if (mine.some((r) => r.mentorId === input.mentorId)) throw new AppError("CONFLICT", m.requestAlreadyOpen);
      if (mine.length >= MAX_OPEN_REQUESTS) throw new AppError("CONFLICT", m.tooManyOpenRequests);
      if ((await openCounts(tx, [input.mentorId], at)).get(input.mentorId)! >= profile.capacity) {
        throw new AppError("CONFLICT", m.mentorFull);
      }
      const busy = (await busyOf(tx, [input.mentorId], at)).get(input.mentorId)!;
      const free = new Set(
        freeStarts(
          { slots: weeklySlotsOf(profile.slots), timeZone: profile.timeZone },
          busy,
          at,
          input.lengthMinutes,
        ).map((d) => d.getTime()),
      );
      if (input.proposedTimes.some((t) => !free.has(t.getTime()))) {
        throw new AppError("VALIDATION", m.timeNotFree, { fieldErrors: { proposedTimes: [m.timeNotFree] } });
      }
      const request = await tx.mentorRequest.create({
        data: {
          mentorId: input.mentorId,
          learnerId: viewer.userId,
          topic: input.topic,
          message: input.message,
          lengthMinutes: input.lengthMinutes,
          proposedTimes: [...input.proposedTimes].sort((a, b) => a.getTime() - b.getTime()),
          createdAt: at,
          expiresAt: new Date(at.getTime() + REQUEST_TTL_DAYS * DAY),
        },
        select: { id: true, expiresAt: true },
      });
      await jobs.enqueue(
        tx,
        "mentoring:expireRequest",
        { requestId: request.id },
        { runAt: request.expiresAt, jobKey: `mentoring:expire:${request.id}` },
      );
      await tellMentoring(tx, changed, "mentor_requested", {
        recipientId: input.mentorId,
        actorId: viewer.userId,
        requestId: request.id,
      });
      return request.id;
    });
    return requestAnswer(deps, viewer, id);
  } catch (error) {
    // Two sends to the same mentor at the same instant: the index let one through.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", m.requestAlreadyOpen);
    throw error;
  }
}
