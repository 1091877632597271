import type { TMeeting, TMentorRequest, TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "./mentoring-deps.js";
import {
  meetingCoreSelect,
  meetingSelect,
  noSuchMeeting,
  noSuchRequest,
  requestCoreSelect,
  requestSelect,
  shapeMeeting,
  shapeRequest,
  type MeetingCore,
  type MeetingRow,
  type RequestCore,
  type RequestRow,
  type Tx,
} from "./mentoring-rows.js";

/** Either of a request's or meeting's two people; NOT_FOUND for anyone else (a stranger learns nothing). */
const isParty = (row: { mentorId: string; learnerId: string }, viewer: TViewer) =>
  row.mentorId === viewer.userId || row.learnerId === viewer.userId;

export async function requestOf({ db }: MentoringDeps, viewer: TViewer, id: number): Promise<RequestRow> {
  const row = await db.mentorRequest.findUnique({ where: { id }, select: requestSelect });
  if (!row || !isParty(row, viewer)) throw noSuchRequest();
  return row;
}

/** The same, locked for the rest of the transaction (changes of one request run one at a time). */
export async function lockedRequest(tx: Tx, viewer: TViewer, id: number): Promise<RequestCore> {
  await tx.$queryRaw`select id from "MentorRequest" where id = ${id} for update`;
  const row = await tx.mentorRequest.findUnique({ where: { id }, select: requestCoreSelect });
  if (!row || !isParty(row, viewer)) throw noSuchRequest();
  return row;
}

export async function meetingOf({ db }: MentoringDeps, viewer: TViewer, id: number): Promise<MeetingRow> {
  const row = await db.mentorMeeting.findUnique({ where: { id }, select: meetingSelect });
  if (!row || !isParty(row, viewer)) throw noSuchMeeting();
  return row;
}

export async function lockedMeeting(tx: Tx, viewer: TViewer, id: number): Promise<MeetingCore> {
  await tx.$queryRaw`select id from "MentorMeeting" where id = ${id} for update`;
  const row = await tx.mentorMeeting.findUnique({ where: { id }, select: meetingCoreSelect });
  if (!row || !isParty(row, viewer)) throw noSuchMeeting();
  return row;
}

/** The other one of a meeting's two people. */
export const otherOf = (meeting: { mentorId: string; learnerId: string }, viewer: TViewer) =>
  meeting.mentorId === viewer.userId ? meeting.learnerId : meeting.mentorId;

/** A meeting as the viewer sees it now (after a change). */
export async function meetingAnswer({ db, now }: MentoringDeps, viewer: TViewer, id: number): Promise<TMeeting> {
  const row = await db.mentorMeeting.findUniqueOrThrow({ where: { id }, select: meetingSelect });
  return shapeMeeting(row, viewer.userId, now());
}

export async function requestAnswer({ db }: MentoringDeps, viewer: TViewer, id: number): Promise<TMentorRequest> {
  return shapeRequest(
    await db.mentorRequest.findUniqueOrThrow({ where: { id }, select: requestSelect }),
    viewer.userId,
  );
}
