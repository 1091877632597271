import type { TMeeting, TMeetingListInput, TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { meetingSelect, shapeMeeting } from "../mentoring-rows.js";

/** My upcoming meetings (soonest first) or past ones (latest first), at most 100. */
export async function listMeetings(
  { db, now }: MentoringDeps,
  viewer: TViewer,
  { scope }: TMeetingListInput,
): Promise<TMeeting[]> {
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
}
