/** Midnight starting `time`'s day, on this device's calendar. */
export function dayOf(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Midnight of the Monday of `time`'s week, on this device's calendar. */
export function mondayOf(time: number): number {
  const date = new Date(dayOf(time));
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7)).getTime();
}

/**
 * The seven days of the week starting at `monday` (device calendar: a daylight-saving
 * week still has seven), each said to be gone, today or to come, seen from `now`.
 */
export const weekDays = (monday: number, now: number) => {
  const today = dayOf(now);
  const start = new Date(monday);
  return Array.from({ length: 7 }, (_, i) => {
    const day = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i).getTime();
    return { day, when: day < today ? "past" : day === today ? "today" : "later" } as const;
  });
};
