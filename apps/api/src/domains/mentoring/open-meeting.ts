import { AppError, serverMessages as m, type TMeeting, type TViewer } from "@orgo/api-contract";
import type { StoredNotifications } from "../notifications/notification.service.js";
import { blockedBetween } from "../social/blocks.js";
import { ensureDirectRoom, publishInboxChanged } from "../chat/chat-events.js";
import type { MentoringDeps } from "./mentoring-deps.js";
import { busyOf, notFree, type RequestCore, type Tx } from "./mentoring-rows.js";
import { clashes } from "./free-times.js";
import { assertCapacity } from "./mentor-capacity.js";
import { scheduleMeetingJobs } from "./mentoring-jobs.js";
import { tellMentoring } from "./mentoring-change.js";
import { meetingAnswer } from "./mentoring-access.js";

export interface OpenedMeeting {
  meetingId: number;
  roomId: number;
  people: string[];
}

/**
 * Accepts a waiting request at `startsAt` (one of its times): within the mentor's
 * capacity and free time, it makes the meeting, opens (or brings back) the pair's
 * room — without a follow, the one exception to chat's rule; a block still wins —
 * queues the reminders and tells the other side.
 */
export async function openMeeting(
  { jobs }: MentoringDeps,
  tx: Tx,
  changed: StoredNotifications,
  request: RequestCore,
  answer: { at: Date; startsAt: Date; place: string | null; by: TViewer; type: "mentor_accepted" | "mentor_confirmed" },
): Promise<OpenedMeeting> {
  const { at } = answer;
  if (await blockedBetween(tx, request.mentorId, request.learnerId)) throw new AppError("FORBIDDEN", m.blocked);
  // Accepted first: a countered request's own offered time stops counting as busy.
  await tx.mentorRequest.update({ where: { id: request.id }, data: { status: "accepted", answeredAt: at } });
  await assertCapacity(tx, request.mentorId, at);
  const busy = (await busyOf(tx, [request.mentorId], at)).get(request.mentorId)!;
  if (clashes(answer.startsAt, request.lengthMinutes, busy)) throw notFree();
  const roomId = await ensureDirectRoom(tx, request.mentorId, request.learnerId);
  const meeting = await tx.mentorMeeting.create({
    data: {
      requestId: request.id,
      mentorId: request.mentorId,
      learnerId: request.learnerId,
      roomId,
      startsAt: answer.startsAt,
      lengthMinutes: request.lengthMinutes,
      place: answer.place,
    },
    select: { id: true },
  });
  await scheduleMeetingJobs(jobs, tx, {
    id: meeting.id,
    startsAt: answer.startsAt,
    lengthMinutes: request.lengthMinutes,
  });
  await tellMentoring(tx, changed, answer.type, {
    recipientId: answer.by.userId === request.mentorId ? request.learnerId : request.mentorId,
    actorId: answer.by.userId,
    requestId: request.id,
    meetingId: meeting.id,
  });
  return { meetingId: meeting.id, roomId, people: [request.mentorId, request.learnerId] };
}

/** After an acceptance commits: both people's room lists, and the meeting as the answer. */
export async function announceMeeting(deps: MentoringDeps, viewer: TViewer, opened: OpenedMeeting): Promise<TMeeting> {
  await publishInboxChanged(deps.bus, opened.people, opened.roomId);
  return meetingAnswer(deps, viewer, opened.meetingId);
}
