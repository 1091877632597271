import { createEvent } from "ics";
import type { TMeeting, TMeetingCalendar } from "@orgo/api-contract";

/**
 * The meeting as an iCalendar file (RFC 5545) for the viewer's own calendar: its time in
 * UTC (calendars show it in the reader's zone), the other person, the topic and the
 * place, and a link back to it in OrGo. The UID stays the same across reschedules, so
 * importing again moves it.
 */
export function meetingCalendar(meeting: TMeeting, link: string): TMeetingCalendar {
  const other = meeting.role === "mentor" ? meeting.learner : meeting.mentor;
  // Text fields only (the library escapes them, so nothing stored can start a line
  // of its own); the place is a line of text, never the library's URL property, whose
  // stricter check refused valid links (IPv6 hosts, underscores) and failed the download.
  const place = meeting.place ? oneLine(meeting.place) : null;
  const { error, value } = createEvent({
    uid: `orgo-meeting-${meeting.id}@orgo`,
    productId: "orgo/mentoring",
    title: oneLine(`OrGo mentoring: ${meeting.topic} with @${other.handle}`),
    description: [
      `${meeting.role === "mentor" ? "Mentee" : "Mentor"}: ${oneLine(other.displayName)} (@${other.handle})`,
      `Topic: ${oneLine(meeting.topic)}`,
      ...(place ? [`Call: ${place}`] : []),
      `In OrGo: ${link}`,
    ].join("\n"),
    // Our own address (what the library's URL check is for), never the call link.
    url: link,
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: meeting.lengthMinutes },
    location: place ?? "OrGo chat",
    status: meeting.state === "cancelled" ? "CANCELLED" : "CONFIRMED",
  });
  if (error || !value) throw error ?? new Error("the calendar file could not be made");
  return { filename: `orgo-meeting-${meeting.id}.ics`, content: value };
}

/** A stored value as one line of text: control characters (CR, LF…) become spaces. */
const oneLine = (text: string) => text.replace(/\p{Cc}+/gu, " ").trim();
