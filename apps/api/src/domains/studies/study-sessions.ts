import type { TWeeklySlot } from "@orgo/api-contract";
import { dayStart, weeklySessions, type Session } from "../../platform/time/weekly-sessions.js";

const DAY = 24 * 3600_000;

interface Scheduled {
  schedule: TWeeklySlot[];
  timeZone: string;
  /** Calendar days in the study's zone. */
  startsOn: string;
  endsOn: string;
}

/** The study's sessions from its first day to the end of its last, in its zone, at most `max`. */
export function studySessions(study: Scheduled, max: number): Session[] {
  const from = dayStart(study.startsOn, study.timeZone);
  return weeklySessions(study.schedule, study.timeZone, from, endOf(study)).slice(0, max);
}

/** The next session not yet over at `now` (one going on counts), or null. */
export function nextSession(study: Scheduled, now: Date): Session | null {
  if (study.schedule.length === 0) return null;
  const first = dayStart(study.startsOn, study.timeZone);
  const end = endOf(study);
  // A session started up to a day ago may still be going on; a week ahead holds every slot once.
  const from = new Date(Math.max(first.getTime(), now.getTime() - DAY));
  const to = new Date(Math.min(end.getTime(), Math.max(from.getTime(), now.getTime()) + 8 * DAY));
  return weeklySessions(study.schedule, study.timeZone, from, to).find((session) => session.endsAt > now) ?? null;
}

/** The midnight after its last day, in its zone. */
function endOf(study: Scheduled): Date {
  const [year, month, date] = study.endsOn.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return dayStart(next, study.timeZone);
}
