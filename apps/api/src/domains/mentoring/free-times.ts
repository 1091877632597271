import { FREE_SLOT_DAYS, FREE_SLOT_LEAD_MINUTES, type TWeeklySlot } from "@orgo/api-contract";
import { minutesOf, zoneDays } from "../../platform/time/weekly-sessions.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A stretch of a mentor's time already taken (a meeting, or a time offered and not yet answered). */
export interface Busy {
  startsAt: Date;
  lengthMinutes: number;
}

/**
 * Every half-hour start between `from` and `to` at which a meeting of `lengthMinutes`
 * fits inside one of the weekly slots, read as wall-clock times in `timeZone` on
 * each calendar day there. Across a daylight-saving change the same wall-clock slot
 * moves in UTC; a wall-clock time the change skips (02:30 on the spring-forward night)
 * does not exist, so no meeting starts then.
 */
export function slotStarts(
  slots: TWeeklySlot[],
  timeZone: string,
  from: Date,
  to: Date,
  lengthMinutes: number,
): Date[] {
  const starts = new Set<number>();
  for (const day of zoneDays(timeZone, from, to)) {
    for (const slot of slots) {
      if (slot.weekday !== day.weekday) continue;
      const end = minutesOf(slot.end);
      for (let minute = minutesOf(slot.start); minute + lengthMinutes <= end; minute += 30) {
        const time = day.at(minute)?.getTime();
        if (time !== undefined && time >= from.getTime() && time < to.getTime()) starts.add(time);
      }
    }
  }
  return [...starts].sort((a, b) => a - b).map((time) => new Date(time));
}

const overlaps = (start: number, lengthMinutes: number, busy: Busy) =>
  start < busy.startsAt.getTime() + busy.lengthMinutes * MINUTE &&
  busy.startsAt.getTime() < start + lengthMinutes * MINUTE;

/** The window free times are offered in: from an hour after now to 14 days ahead. */
function offerWindow(now: Date, days = FREE_SLOT_DAYS): { from: Date; to: Date } {
  return { from: new Date(now.getTime() + FREE_SLOT_LEAD_MINUTES * MINUTE), to: new Date(now.getTime() + days * DAY) };
}

/** The starts of `slotStarts` in the offer window that no busy stretch overlaps. */
export function freeStarts(
  mentor: { slots: TWeeklySlot[]; timeZone: string },
  busy: Busy[],
  now: Date,
  lengthMinutes: number,
  days = FREE_SLOT_DAYS,
): Date[] {
  const { from, to } = offerWindow(now, days);
  return slotStarts(mentor.slots, mentor.timeZone, from, to, lengthMinutes).filter(
    (start) => !busy.some((b) => overlaps(start.getTime(), lengthMinutes, b)),
  );
}

/** True when a meeting at `start` would overlap one of `busy`. */
export const clashes = (start: Date, lengthMinutes: number, busy: Busy[]) =>
  busy.some((b) => overlaps(start.getTime(), lengthMinutes, b));
