import {
  AppError,
  MAX_OPEN_REQUESTS,
  REQUEST_TTL_DAYS,
  serverMessages as m,
  type TMeeting,
  type TMentorSettings,
  type TNotificationType,
  type TViewer,
} from "@orgo/api-contract";
import type { MentoringService } from "@orgo/api-contract/server";
import { isForeignKeyViolation, isUniqueViolation, type Db, type Prisma } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { JobQueue } from "../../platform/jobs/job-queue.js";
import { groupKeys, notify } from "../notifications/notify.js";
import { withNotifications, type StoredNotifications } from "../notifications/notification.service.js";
import { ensureDirectRoom, publishInboxChanged } from "../chat/chat-events.js";
import { clashes, freeStarts } from "./free-times.js";
import { createMentorDirectory } from "./mentor-directory.js";
import { meetingCalendar } from "./meeting-calendar.js";
import { scheduleMeetingJobs } from "./mentoring-jobs.js";
import { blockedBetween } from "../social/blocks.js";
import {
  busyOf,
  languagesOf,
  meetingEnd,
  meetingSelect,
  noSuchMeeting,
  noSuchRequest,
  notFree,
  openCounts,
  requestSelect,
  shapeMeeting,
  shapeRequest,
  slotsOf,
  WAITING,
  meetingCoreSelect,
  requestCoreSelect,
  type MeetingCore,
  type MeetingRow,
  type RequestCore,
  type RequestRow,
  type Tx,
} from "./mentoring-rows.js";

const DAY = 24 * 3600_000;
type Changed = StoredNotifications;

/**
 * Mentoring's rules (docs/mentoring.md): who may request whom, one open request per
 * pair and five per learner, acceptance within the mentor's capacity even when two
 * race (the mentor's profile row is locked), the one-to-one room that acceptance
 * opens without a follow, meetings that move only when the other side agrees, and a
 * rating once, after the meeting. Every change notifies the other side after commit.
 */
export function createMentoringService(deps: {
  db: Db;
  bus: EventBus;
  jobs: JobQueue;
  now?: () => Date;
}): MentoringService {
  const { db, bus, jobs } = deps;
  const now = deps.now ?? (() => new Date());
  const directory = createMentorDirectory({ db, now });

  function toSettings(row: {
    active: boolean;
    paused: boolean;
    topics: string[];
    languages: string[];
    pitch: string;
    timeZone: string;
    capacity: number;
    slots: Prisma.JsonValue;
  }): TMentorSettings {
    return { ...row, languages: languagesOf(row.languages), slots: slotsOf(row.slots) };
  }

  /** Runs a change in one transaction and tells the people it notified, after the commit. */
  const change = <T>(work: (tx: Tx, changed: Changed) => Promise<T>) => withNotifications(db, bus, work);

  async function tell(
    tx: Tx,
    changed: Changed,
    type: TNotificationType,
    to: { recipientId: string; actorId: string; requestId: number; meetingId?: number },
  ) {
    const id = await notify(tx, {
      recipientId: to.recipientId,
      actorId: to.actorId,
      type,
      mentorRequestId: to.requestId,
      meetingId: to.meetingId ?? null,
      groupKey: groupKeys.mentoring(type, to.requestId),
    });
    changed.push({ recipientId: to.recipientId, id });
  }

  /** The request, if the viewer is one of its two people; NOT_FOUND for anyone else. */
  async function requestOf(viewer: TViewer, id: number): Promise<RequestRow> {
    const row = await db.mentorRequest.findUnique({ where: { id }, select: requestSelect });
    if (!row || (row.mentorId !== viewer.userId && row.learnerId !== viewer.userId)) throw noSuchRequest();
    return row;
  }

  /** The same, locked for the rest of the transaction (changes of one request run one at a time). */
  async function lockedRequest(tx: Tx, viewer: TViewer, id: number): Promise<RequestCore> {
    await tx.$queryRaw`select id from "MentorRequest" where id = ${id} for update`;
    const row = await tx.mentorRequest.findUnique({ where: { id }, select: requestCoreSelect });
    if (!row || (row.mentorId !== viewer.userId && row.learnerId !== viewer.userId)) throw noSuchRequest();
    return row;
  }

  async function meetingOf(viewer: TViewer, id: number): Promise<MeetingRow> {
    const row = await db.mentorMeeting.findUnique({ where: { id }, select: meetingSelect });
    if (!row || (row.mentorId !== viewer.userId && row.learnerId !== viewer.userId)) throw noSuchMeeting();
    return row;
  }

  async function lockedMeeting(tx: Tx, viewer: TViewer, id: number): Promise<MeetingCore> {
    await tx.$queryRaw`select id from "MentorMeeting" where id = ${id} for update`;
    const row = await tx.mentorMeeting.findUnique({ where: { id }, select: meetingCoreSelect });
    if (!row || (row.mentorId !== viewer.userId && row.learnerId !== viewer.userId)) throw noSuchMeeting();
    return row;
  }

  /** Locks the mentor's profile: acceptances of one mentor run one at a time, so capacity holds. */
  async function lockMentor(tx: Tx, mentorId: string) {
    const [row] = await tx.$queryRaw<{ capacity: number }[]>`
      select capacity from "MentorProfile" where "userId" = ${mentorId}::uuid for update`;
    if (!row) throw new AppError("NOT_FOUND", m.noSuchMentor);
    return row;
  }

  /** Under the mentor's lock: refuses when their open relationships already fill their capacity. */
  async function assertCapacity(tx: Tx, mentorId: string, at: Date) {
    const { capacity } = await lockMentor(tx, mentorId);
    if ((await openCounts(tx, [mentorId], at)).get(mentorId)! >= capacity) {
      throw new AppError("CONFLICT", m.mentorFull);
    }
  }

  /**
   * Accepts a waiting request at `startsAt` (one of its times): within the mentor's
   * capacity and free time, it makes the meeting, opens (or brings back) the pair's
   * room, queues the reminders and tells the other side.
   */
  async function accept(
    tx: Tx,
    changed: Changed,
    request: RequestCore,
    answer: {
      at: Date;
      startsAt: Date;
      place: string | null;
      by: TViewer;
      type: "mentor_accepted" | "mentor_confirmed";
    },
  ) {
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
    await tell(tx, changed, answer.type, {
      recipientId: answer.by.userId === request.mentorId ? request.learnerId : request.mentorId,
      actorId: answer.by.userId,
      requestId: request.id,
      meetingId: meeting.id,
    });
    return { meetingId: meeting.id, roomId, people: [request.mentorId, request.learnerId] };
  }

  /** After an acceptance commits: both people's room lists, and the meeting as the answer. */
  async function announceMeeting(viewer: TViewer, opened: { meetingId: number; roomId: number; people: string[] }) {
    await publishInboxChanged(bus, opened.people, opened.roomId);
    return meetingAnswer(viewer, opened.meetingId);
  }

  /** The other one of a meeting's two people. */
  const otherOf = (meeting: { mentorId: string; learnerId: string }, viewer: TViewer) =>
    meeting.mentorId === viewer.userId ? meeting.learnerId : meeting.mentorId;

  async function meetingAnswer(viewer: TViewer, meetingId: number): Promise<TMeeting> {
    const row = await db.mentorMeeting.findUniqueOrThrow({ where: { id: meetingId }, select: meetingSelect });
    return shapeMeeting(row, viewer.userId, now());
  }

  const requestAnswer = async (viewer: TViewer, id: number) =>
    shapeRequest(await db.mentorRequest.findUniqueOrThrow({ where: { id }, select: requestSelect }), viewer.userId);

  return {
    async mySettings(viewer) {
      const row = await db.mentorProfile.findUnique({ where: { userId: viewer.userId } });
      return row ? toSettings(row) : null;
    },

    async updateSettings(viewer, input) {
      const data = { ...input, slots: input.slots as Prisma.InputJsonValue, updatedAt: now() };
      try {
        const row = await db.mentorProfile.upsert({
          where: { userId: viewer.userId },
          create: { userId: viewer.userId, ...data },
          update: data,
        });
        return toSettings(row);
      } catch (error) {
        if (isForeignKeyViolation(error, "MentorProfile_timeZone_known")) {
          throw new AppError("VALIDATION", m.invalidTimeZone, { fieldErrors: { timeZone: [m.invalidTimeZone] } });
        }
        throw error;
      }
    },

    list: (input, viewer) => directory.list(input, viewer),
    byId: (userId, viewer) => directory.byId(userId, viewer),
    topics: () => directory.topics(),
    freeSlots: (input, viewer) => directory.freeSlots(input, viewer),

    async sendRequest(viewer, input) {
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
        const id = await change(async (tx, changed) => {
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
              { slots: slotsOf(profile.slots), timeZone: profile.timeZone },
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
          await tell(tx, changed, "mentor_requested", {
            recipientId: input.mentorId,
            actorId: viewer.userId,
            requestId: request.id,
          });
          return request.id;
        });
        return requestAnswer(viewer, id);
      } catch (error) {
        // Two sends to the same mentor at the same instant: the index let one through.
        if (isUniqueViolation(error)) throw new AppError("CONFLICT", m.requestAlreadyOpen);
        throw error;
      }
    },

    async requests(viewer, input) {
      const rows = await db.mentorRequest.findMany({
        where: {
          ...(input.box === "incoming" ? { mentorId: viewer.userId } : { learnerId: viewer.userId }),
          status: input.state === "waiting" ? { in: WAITING } : { notIn: WAITING },
        },
        orderBy: { id: "desc" },
        take: 100,
        select: requestSelect,
      });
      return rows.map((row) => shapeRequest(row, viewer.userId));
    },

    requestById: async (viewer, id) => shapeRequest(await requestOf(viewer, id), viewer.userId),

    async withdrawRequest(viewer, id) {
      await change(async (tx, changed) => {
        const request = await lockedRequest(tx, viewer, id);
        if (request.learnerId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyLearnerConfirms);
        if (!WAITING.includes(request.status as never)) throw new AppError("CONFLICT", m.requestNotOpen);
        await tx.mentorRequest.update({ where: { id }, data: { status: "withdrawn", answeredAt: now() } });
        await tell(tx, changed, "mentor_withdrawn", {
          recipientId: request.mentorId,
          actorId: viewer.userId,
          requestId: id,
        });
      });
      return requestAnswer(viewer, id);
    },

    async acceptRequest(viewer, input) {
      const at = now();
      const opened = await change(async (tx, changed) => {
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
        return accept(tx, changed, request, {
          at,
          startsAt: input.startsAt,
          place: input.place ?? request.place ?? null,
          by: viewer,
          type: "mentor_accepted",
        });
      });
      return announceMeeting(viewer, opened);
    },

    async proposeTime(viewer, input) {
      const at = now();
      await change(async (tx, changed) => {
        const request = await lockedRequest(tx, viewer, input.id);
        if (request.mentorId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyMentorAnswers);
        if (!WAITING.includes(request.status as never) || request.expiresAt <= at) {
          throw new AppError("CONFLICT", m.requestNotOpen);
        }
        if (input.startsAt <= at) {
          throw new AppError("VALIDATION", m.timeInPast, { fieldErrors: { startsAt: [m.timeInPast] } });
        }
        await assertCapacity(tx, request.mentorId, at);
        // The mentor's other time must be one of their own free times (their earlier offer on this request aside).
        const profile = await tx.mentorProfile.findUniqueOrThrow({ where: { userId: request.mentorId } });
        const busy = (await busyOf(tx, [request.mentorId], at))
          .get(request.mentorId)!
          .filter((b) => request.status !== "countered" || b.startsAt.getTime() !== request.counterTime?.getTime());
        const free = freeStarts(
          { slots: slotsOf(profile.slots), timeZone: profile.timeZone },
          busy,
          at,
          request.lengthMinutes,
        );
        if (!free.some((t) => t.getTime() === input.startsAt.getTime())) {
          throw new AppError("VALIDATION", m.timeNotFree, { fieldErrors: { startsAt: [m.timeNotFree] } });
        }
        await tx.mentorRequest.update({
          where: { id: input.id },
          data: { status: "countered", counterTime: input.startsAt, place: input.place ?? null },
        });
        await tell(tx, changed, "mentor_countered", {
          recipientId: request.learnerId,
          actorId: viewer.userId,
          requestId: request.id,
        });
      });
      return requestAnswer(viewer, input.id);
    },

    async confirmTime(viewer, id) {
      const at = now();
      const opened = await change(async (tx, changed) => {
        const request = await lockedRequest(tx, viewer, id);
        if (request.learnerId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyLearnerConfirms);
        if (request.status !== "countered" || request.expiresAt <= at) throw new AppError("CONFLICT", m.requestNotOpen);
        const startsAt = request.counterTime!;
        if (startsAt <= at) throw new AppError("CONFLICT", m.timeInPast);
        return accept(tx, changed, request, {
          at,
          startsAt,
          place: request.place,
          by: viewer,
          type: "mentor_confirmed",
        });
      });
      return announceMeeting(viewer, opened);
    },

    async declineRequest(viewer, input) {
      await change(async (tx, changed) => {
        const request = await lockedRequest(tx, viewer, input.id);
        if (request.mentorId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyMentorAnswers);
        if (!WAITING.includes(request.status as never)) throw new AppError("CONFLICT", m.requestNotOpen);
        await tx.mentorRequest.update({
          where: { id: input.id },
          data: { status: "declined", declineNote: input.note || null, answeredAt: now() },
        });
        await tell(tx, changed, "mentor_declined", {
          recipientId: request.learnerId,
          actorId: viewer.userId,
          requestId: request.id,
        });
      });
      return requestAnswer(viewer, input.id);
    },

    async meetings(viewer, scope) {
      const at = now();
      // A person has tens of meetings, not thousands: read them all, keep the scope's.
      const list = await db.mentorMeeting.findMany({
        where: { OR: [{ mentorId: viewer.userId }, { learnerId: viewer.userId }] },
        orderBy: { startsAt: scope === "upcoming" ? "asc" : "desc" },
        select: meetingSelect,
      });
      return list
        .map((row) => shapeMeeting(row, viewer.userId, at))
        .filter((meeting) => (scope === "upcoming" ? meeting.state === "scheduled" : meeting.state !== "scheduled"))
        .slice(0, 100);
    },

    meetingById: async (viewer, id) => shapeMeeting(await meetingOf(viewer, id), viewer.userId, now()),

    async proposeReschedule(viewer, id, startsAt) {
      const at = now();
      await change(async (tx, changed) => {
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
        await tx.mentorMeeting.update({
          where: { id },
          data: { proposedStartsAt: startsAt, proposedById: viewer.userId },
        });
        await tell(tx, changed, "meeting_reschedule_proposed", {
          recipientId: otherOf(meeting, viewer),
          actorId: viewer.userId,
          requestId: meeting.requestId,
          meetingId: id,
        });
      });
      return meetingAnswer(viewer, id);
    },

    async answerReschedule(viewer, id, accept) {
      const at = now();
      await change(async (tx, changed) => {
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
          await scheduleMeetingJobs(jobs, tx, {
            id,
            startsAt: meeting.proposedStartsAt,
            lengthMinutes: meeting.lengthMinutes,
          });
        } else {
          await tx.mentorMeeting.update({ where: { id }, data: { proposedStartsAt: null, proposedById: null } });
        }
        await tell(tx, changed, accept ? "meeting_rescheduled" : "meeting_reschedule_declined", {
          recipientId: proposer,
          actorId: viewer.userId,
          requestId: meeting.requestId,
          meetingId: id,
        });
      });
      return meetingAnswer(viewer, id);
    },

    async cancelMeeting(viewer, id, reason) {
      const at = now();
      await change(async (tx, changed) => {
        const meeting = await lockedMeeting(tx, viewer, id);
        if (meeting.cancelledAt) throw new AppError("CONFLICT", m.meetingCancelled);
        if (meeting.startsAt <= at) throw new AppError("CONFLICT", m.meetingStarted);
        await tx.mentorMeeting.update({
          where: { id },
          data: { cancelledAt: at, cancelledById: viewer.userId, cancelReason: reason, proposedStartsAt: null },
        });
        await tell(tx, changed, "meeting_cancelled", {
          recipientId: otherOf(meeting, viewer),
          actorId: viewer.userId,
          requestId: meeting.requestId,
          meetingId: id,
        });
      });
      return meetingAnswer(viewer, id);
    },

    async setPlace(viewer, id, place) {
      await change(async (tx, changed) => {
        const meeting = await lockedMeeting(tx, viewer, id);
        if (meeting.mentorId !== viewer.userId) throw new AppError("FORBIDDEN", m.onlyMentorSetsPlace);
        if (meeting.cancelledAt) throw new AppError("CONFLICT", m.meetingCancelled);
        if (meetingEnd(meeting) <= now()) throw new AppError("CONFLICT", m.meetingStarted);
        await tx.mentorMeeting.update({ where: { id }, data: { place } });
        await tell(tx, changed, "meeting_place", {
          recipientId: meeting.learnerId,
          actorId: viewer.userId,
          requestId: meeting.requestId,
          meetingId: id,
        });
      });
      return meetingAnswer(viewer, id);
    },

    async rateMeeting(viewer, input) {
      const at = now();
      await change(async (tx, changed) => {
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
        await tell(tx, changed, "mentor_rated", {
          recipientId: meeting.mentorId,
          actorId: viewer.userId,
          requestId: meeting.requestId,
          meetingId: input.id,
        });
      });
      return meetingAnswer(viewer, input.id);
    },

    async meetingCalendar(viewer, id) {
      const meeting = shapeMeeting(await meetingOf(viewer, id), viewer.userId, now());
      return meetingCalendar(meeting);
    },

    async overview(viewer) {
      const at = now();
      const [meetings, waiting] = await Promise.all([
        db.mentorMeeting.findMany({
          where: { OR: [{ mentorId: viewer.userId }, { learnerId: viewer.userId }], cancelledAt: null },
          orderBy: { startsAt: "desc" },
          take: 200,
          select: meetingSelect,
        }),
        db.mentorRequest.count({
          where: {
            OR: [
              { mentorId: viewer.userId, status: "open" },
              { learnerId: viewer.userId, status: "countered" },
            ],
          },
        }),
      ]);
      const people = (role: "mentor" | "learner") => {
        const seen = new Map<string, (typeof meetings)[number]["mentor"]>();
        for (const row of meetings) {
          const person = role === "mentor" ? row.mentor : row.learner;
          const isMe = (role === "mentor" ? row.mentorId : row.learnerId) === viewer.userId;
          if (!isMe && !seen.has(person.id)) seen.set(person.id, person);
        }
        return [...seen.values()].slice(0, 12);
      };
      return {
        mentors: people("mentor"),
        mentees: people("learner"),
        upcoming: meetings
          .map((row) => shapeMeeting(row, viewer.userId, at))
          .filter((meeting) => meeting.state === "scheduled")
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
          .slice(0, 5),
        waitingForMe: waiting,
      };
    },
  };
}
