import { createEvents, type EventAttributes } from "ics";
import {
  AppError,
  serverMessages as m,
  STUDY_CALENDAR_MAX,
  type TMeetingCalendar,
  type TStudyRef,
  type TViewer,
} from "@orgo/api-contract";
import type { StudyDeps } from "../study-deps.js";
import { loadStudies } from "../study-rows.js";
import { studySessions } from "../study-sessions.js";

/**
 * The study's sessions as an iCalendar file (RFC 5545), for anyone who can see it:
 * one event per session in UTC (a calendar shows each in its reader's zone, right
 * across daylight-saving changes, which a UTC weekly rule would not be), each linking
 * back to the study. Without a schedule, one all-day event spans its days. The UIDs
 * stay the same, so importing again after a change updates what was imported.
 */
export async function studyCalendar(
  deps: StudyDeps,
  { id }: TStudyRef,
  viewer: TViewer | null,
): Promise<TMeetingCalendar> {
  const [study] = await loadStudies(deps, [id], viewer);
  if (!study) throw new AppError("NOT_FOUND", m.noSuchStudy);
  const link = `${deps.publicOrigin()}/studies/${study.id}`;
  const common = {
    productId: "orgo/studies",
    title: oneLine(`OrGo study: ${study.title}`),
    description: [`Study: ${oneLine(study.title)}`, `Details and members: ${link}`].join("\n"),
    url: link,
    location: study.online ? "Online" : oneLine(study.location ?? ""),
    status: "CONFIRMED",
  } satisfies Partial<EventAttributes>;
  const sessions = studySessions(study, STUDY_CALENDAR_MAX);
  const events: EventAttributes[] =
    sessions.length > 0
      ? sessions.map((session) => ({
          ...common,
          uid: `orgo-study-${study.id}-${session.startsAt.getTime()}@orgo`,
          start: session.startsAt.getTime(),
          startInputType: "utc",
          startOutputType: "utc",
          end: session.endsAt.getTime(),
          endInputType: "utc",
          endOutputType: "utc",
        }))
      : [
          {
            ...common,
            uid: `orgo-study-${study.id}@orgo`,
            start: dateParts(study.startsOn),
            end: dateParts(nextDay(study.endsOn)),
          },
        ];
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("the calendar file could not be made");
  return { filename: `orgo-study-${study.id}.ics`, content: value };
}

/** A stored value as one line of text: control characters (CR, LF…) become spaces. */
const oneLine = (text: string) => text.replace(/\p{Cc}+/gu, " ").trim();

const dateParts = (day: string) => day.split("-").map(Number) as [number, number, number];

function nextDay(day: string): string {
  const [year, month, date] = dateParts(day);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
