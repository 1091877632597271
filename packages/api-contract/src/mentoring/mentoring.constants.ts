// Zod-free: the web client's first screen imports these without the schemas.
export const mentorLanguages = ["ko", "en"] as const;

/** A learner proposes 1 to this many times. */
export const MAX_PROPOSED_TIMES = 3;

/** A weekly slot as the overlap rule reads it ("HH:MM" strings compare in order). */
interface SlotTimes {
  weekday: number;
  start: string;
  end: string;
}

/**
 * The slots that overlap another on the same weekday: each with the one it runs into
 * (the one with the latest end so far, so a long slot is caught by every slot inside
 * it, not only by its neighbour). The schema refuses these; the form marks them as
 * they are typed, naming the other slot.
 */
export function slotOverlaps(slots: readonly SlotTimes[]): { index: number; with: number }[] {
  const sorted = slots
    .map((slot, index) => ({ ...slot, index }))
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start) || a.index - b.index);
  const overlaps: { index: number; with: number }[] = [];
  let latest: (SlotTimes & { index: number }) | undefined;
  for (const slot of sorted) {
    if (latest && latest.weekday === slot.weekday && slot.start < latest.end) {
      overlaps.push({ index: slot.index, with: latest.index });
    }
    if (!latest || latest.weekday !== slot.weekday || slot.end > latest.end) latest = slot;
  }
  return overlaps;
}
