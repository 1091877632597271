import { TZDate } from "@date-fns/tz";
import { ZWeeklySlot, type TWeeklySlot } from "@orgo/api-contract";

const DAY = 24 * 3600_000;

/** Weekly slots as stored (a JSON column), checked on the way out as on the way in. */
export const weeklySlotsOf = (json: unknown): TWeeklySlot[] => ZWeeklySlot.array().parse(json);

export const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export interface Session {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Each weekly slot's occurrence that starts in [from, to), oldest first, read as
 * wall-clock times in `timeZone` on each calendar day there: across a daylight-saving
 * change the same wall-clock session moves in UTC, and one that starts at a time the
 * change skips does not take place. "24:00" ends a session at the next midnight.
 */
export function weeklySessions(slots: TWeeklySlot[], timeZone: string, from: Date, to: Date): Session[] {
  if (slots.length === 0 || to <= from) return [];
  const sessions: Session[] = [];
  for (const day of zoneDays(timeZone, from, to)) {
    for (const slot of slots) {
      if (slot.weekday !== day.weekday) continue;
      const startsAt = day.at(minutesOf(slot.start));
      if (!startsAt || startsAt.getTime() < from.getTime() || startsAt.getTime() >= to.getTime()) continue;
      // "24:00" is the next midnight, which always exists.
      const endsAt = day.at(minutesOf(slot.end)) ?? new Date(startsAt.getTime() + minutesBetween(slot) * 60_000);
      sessions.push({ startsAt, endsAt });
    }
  }
  return sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

const minutesBetween = (slot: TWeeklySlot) => minutesOf(slot.end) - minutesOf(slot.start);

/** A calendar day in a zone: its weekday (0 = Monday) and its wall-clock times. */
export interface ZoneDay {
  weekday: number;
  /** The instant of `minute` past midnight that day, or null where the zone skipped it (a spring-forward night). */
  at(minute: number): Date | null;
}

/**
 * Each calendar day in `timeZone` from the day before `from` to the day after `to`
 * (so every wall-clock time in between is on one of them). TZDate carries month and
 * year overflow, and reads a wall-clock time in the zone's offset of that moment.
 */
export function* zoneDays(timeZone: string, from: Date, to: Date): Generator<ZoneDay> {
  const first = new TZDate(from.getTime() - DAY, timeZone);
  const days = Math.ceil((to.getTime() - from.getTime()) / DAY) + 2;
  for (let offset = 0; offset <= days; offset++) {
    const day = new TZDate(first.getFullYear(), first.getMonth(), first.getDate() + offset, 0, 0, timeZone);
    yield {
      weekday: (day.getDay() + 6) % 7,
      at(minute) {
        const time = new TZDate(
          day.getFullYear(),
          day.getMonth(),
          day.getDate(),
          Math.floor(minute / 60),
          minute % 60,
          timeZone,
        );
        const sameDay = time.getDate() === day.getDate() || minute === 24 * 60;
        return sameDay && (minute === 24 * 60 || time.getHours() * 60 + time.getMinutes() === minute)
          ? new Date(time.getTime())
          : null;
      },
    };
  }
}

/** Midnight starting calendar day `day` ("2026-03-10") in `timeZone`. */
export function dayStart(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, 0, 0, timeZone).getTime());
}
