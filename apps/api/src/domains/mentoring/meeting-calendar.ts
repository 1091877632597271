import { createEvent } from "ics";
import type { TMeeting, TMeetingCalendar } from "@orgo/api-contract";

/**
 * The meeting as an iCalendar file (RFC 5545) for the viewer's own calendar: its time in
 * UTC (calendars show it in the reader's zone), the other person, the topic and the
 * place. The UID stays the same across reschedules, so importing again moves it.
 */
export function meetingCalendar(meeting: TMeeting): TMeetingCalendar {
  const other = meeting.role === "mentor" ? meeting.learner : meeting.mentor;
  const { error, value } = createEvent({
    uid: `orgo-meeting-${meeting.id}@orgo`,
    productId: "orgo/mentoring",
    title: `OrGo mentoring: ${meeting.topic} with @${other.handle}`,
    description: `${meeting.role === "mentor" ? "Mentee" : "Mentor"}: ${other.displayName} (@${other.handle})\nTopic: ${meeting.topic}`,
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: meeting.lengthMinutes },
    location: meeting.place ?? "OrGo chat",
    ...(meeting.place ? { url: meeting.place } : {}),
    status: meeting.state === "cancelled" ? "CANCELLED" : "CONFIRMED",
  });
  if (error || !value) throw error ?? new Error("the calendar file could not be made");
  return { filename: `orgo-meeting-${meeting.id}.ics`, content: value };
}
