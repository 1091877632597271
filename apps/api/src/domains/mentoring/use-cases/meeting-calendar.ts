import type { TMeetingCalendar, TMeetingRef, TViewer } from "@orgo/api-contract";
import type { MentoringDeps } from "../mentoring-deps.js";
import { shapeMeeting } from "../mentoring-rows.js";
import { meetingOf } from "../mentoring-access.js";
import { meetingCalendar as calendarOf, meetingPath } from "../meeting-calendar.js";

/** The meeting as an iCalendar file, for either of its two people. */
export async function meetingCalendar(
  deps: MentoringDeps,
  viewer: TViewer,
  { id }: TMeetingRef,
): Promise<TMeetingCalendar> {
  const meeting = shapeMeeting(await meetingOf(deps, viewer, id), viewer.userId, deps.now());
  return calendarOf(meeting, `${deps.publicOrigin()}${meetingPath(meeting)}`);
}
