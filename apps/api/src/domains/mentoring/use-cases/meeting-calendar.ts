import { meetingPath, type TMeetingCalendar, type TMeetingRef, type TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { shapeMeeting } from "../mentoring-rows.js";
import { meetingOf } from "../mentoring-access.js";
import { meetingCalendar as calendarOf } from "../meeting-calendar.js";

/** The meeting as an iCalendar file, for either of its two people. */
export async function meetingCalendar(
  deps: MentoringDeps,
  viewer: TViewer,
  { id }: TMeetingRef,
): Promise<TMeetingCalendar> {
  const meeting = shapeMeeting(await meetingOf(deps, viewer, id), viewer.userId, deps.now());
  const path = meetingPath(meeting.id, meeting.state === "scheduled" ? "upcoming" : "past");
  return calendarOf(meeting, `${deps.publicOrigin()}${path}`);
}
