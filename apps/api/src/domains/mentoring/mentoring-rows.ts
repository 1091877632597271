import {
  AppError,
  serverMessages as m,
  type TMeeting,
  type TMeetingLength,
  type TMentorLanguage,
  type TMentorRequest,
  type TRequestStatus,
} from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import { type Db } from "@orgo/db";
import { publicUserSelect } from "../users/public-user.js";
import type { Busy } from "./free-times.js";

export type Tx = Prisma.TransactionClient;
const MINUTE = 60_000;

/** Requests that still wait for an answer (the mentor's, or the learner's on a counter-proposal). */
export const WAITING: TRequestStatus[] = ["open", "countered"];

/** A request's own columns: what a transaction reads (relations would run beside it on its one connection). */
export const requestCoreSelect = {
  id: true,
  mentorId: true,
  learnerId: true,
  lengthMinutes: true,
  proposedTimes: true,
  status: true,
  counterTime: true,
  place: true,
  expiresAt: true,
} as const;
export type RequestCore = Prisma.MentorRequestGetPayload<{ select: typeof requestCoreSelect }>;

/** A request as its two people see it: its own columns, the two people and its meeting. */
export const requestSelect = {
  ...requestCoreSelect,
  topic: true,
  message: true,
  declineNote: true,
  createdAt: true,
  mentor: { select: publicUserSelect },
  learner: { select: publicUserSelect },
  meeting: { select: { id: true } },
} as const;
export type RequestRow = Prisma.MentorRequestGetPayload<{ select: typeof requestSelect }>;

export function shapeRequest(row: RequestRow, viewerId: string): TMentorRequest {
  const { mentorId, learnerId: _learnerId, meeting, ...rest } = row;
  return {
    ...rest,
    role: mentorId === viewerId ? "mentor" : "learner",
    lengthMinutes: row.lengthMinutes as TMeetingLength,
    status: row.status as TRequestStatus,
    meetingId: meeting?.id ?? null,
  };
}

/** A meeting's own columns, as a transaction reads them. */
export const meetingCoreSelect = {
  id: true,
  requestId: true,
  mentorId: true,
  learnerId: true,
  startsAt: true,
  lengthMinutes: true,
  proposedStartsAt: true,
  proposedById: true,
  cancelledAt: true,
  rating: true,
} as const;
export type MeetingCore = Prisma.MentorMeetingGetPayload<{ select: typeof meetingCoreSelect }>;

/** A meeting as its two people see it. */
export const meetingSelect = {
  ...meetingCoreSelect,
  place: true,
  roomId: true,
  cancelReason: true,
  ratingComment: true,
  ratingPublic: true,
  mentor: { select: { ...publicUserSelect, mentorProfile: { select: { timeZone: true } } } },
  learner: { select: publicUserSelect },
  request: { select: { topic: true } },
} as const;
export type MeetingRow = Prisma.MentorMeetingGetPayload<{ select: typeof meetingSelect }>;

export const meetingEnd = (row: { startsAt: Date; lengthMinutes: number }) =>
  new Date(row.startsAt.getTime() + row.lengthMinutes * MINUTE);

/** The mentor as anyone may see them (their profile's zone read for the card, not shown as such). */
export const publicMentor = ({ mentorProfile: _profile, ...user }: MeetingRow["mentor"]) => user;

export function shapeMeeting(row: MeetingRow, viewerId: string, now: Date): TMeeting {
  const state = row.cancelledAt ? "cancelled" : meetingEnd(row) <= now ? "over" : "scheduled";
  const role = row.mentorId === viewerId ? "mentor" : "learner";
  return {
    id: row.id,
    requestId: row.requestId,
    role,
    mentor: publicMentor(row.mentor),
    mentorTimeZone: row.mentor.mentorProfile?.timeZone ?? null,
    learner: row.learner,
    topic: row.request.topic,
    startsAt: row.startsAt,
    lengthMinutes: row.lengthMinutes as TMeetingLength,
    place: row.place,
    roomId: row.roomId,
    state,
    proposal: row.proposedStartsAt ? { startsAt: row.proposedStartsAt, byMe: row.proposedById === viewerId } : null,
    cancelReason: row.cancelReason,
    rating: row.rating === null ? null : { value: row.rating, comment: row.ratingComment, public: row.ratingPublic },
    canRate: role === "learner" && state === "over" && row.rating === null,
  };
}

export const languagesOf = (languages: string[]) => languages as TMentorLanguage[];

/**
 * What of each mentor's time is taken from `from` on: meetings neither cancelled nor
 * over, the new times proposed for them, and the times mentors offered on requests
 * still waiting for the learner.
 */
export async function busyOf(client: Tx | Db, mentorIds: string[], from: Date): Promise<Map<string, Busy[]>> {
  const busy = new Map<string, Busy[]>(mentorIds.map((id) => [id, []]));
  if (mentorIds.length === 0) return busy;
  const earliest = new Date(from.getTime() - 60 * MINUTE);
  // One after the other: inside a transaction both would queue on one connection anyway.
  const meetings = await client.mentorMeeting.findMany({
    where: {
      mentorId: { in: mentorIds },
      cancelledAt: null,
      OR: [{ startsAt: { gte: earliest } }, { proposedStartsAt: { gte: earliest } }],
    },
    select: { mentorId: true, startsAt: true, lengthMinutes: true, proposedStartsAt: true },
  });
  const countered = await client.mentorRequest.findMany({
    where: { mentorId: { in: mentorIds }, status: "countered", counterTime: { gte: earliest } },
    select: { mentorId: true, counterTime: true, lengthMinutes: true },
  });
  for (const row of meetings) {
    busy.get(row.mentorId)!.push({ startsAt: row.startsAt, lengthMinutes: row.lengthMinutes });
    if (row.proposedStartsAt) {
      busy.get(row.mentorId)!.push({ startsAt: row.proposedStartsAt, lengthMinutes: row.lengthMinutes });
    }
  }
  for (const row of countered) {
    busy.get(row.mentorId)!.push({ startsAt: row.counterTime!, lengthMinutes: row.lengthMinutes });
  }
  return busy;
}

/** Open relationships per mentor: meetings neither cancelled nor over at `now`. */
export async function openCounts(client: Tx | Db, mentorIds: string[], now: Date): Promise<Map<string, number>> {
  const counts = new Map<string, number>(mentorIds.map((id) => [id, 0]));
  if (mentorIds.length === 0) return counts;
  const rows = await client.$queryRaw<{ mentorId: string; open: number }[]>`
    select "mentorId"::text as "mentorId", count(*)::int as open
    from "MentorMeeting"
    where "mentorId" = any(${mentorIds}::uuid[]) and "cancelledAt" is null
      and "startsAt" + make_interval(mins => "lengthMinutes") > ${now}
    group by "mentorId"`;
  for (const row of rows) counts.set(row.mentorId, row.open);
  return counts;
}

export const noSuchRequest = () => new AppError("NOT_FOUND", m.noSuchRequest);
export const noSuchMeeting = () => new AppError("NOT_FOUND", m.noSuchMeeting);
export const notFree = () => new AppError("CONFLICT", m.timeNotFree, { fieldErrors: { startsAt: [m.timeNotFree] } });
