import type { Language } from "../../i18n/i18n";
import { dateFormat } from "../../lib/date-format";

/** "Mon, Jan 4, 10:00" in the reader's zone. */
export function formatWhen(date: Date, language: Language): string {
  return dateFormat(language, {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

/** "Monday, January 4" in the reader's zone, to group times by day. */
function formatDay(date: Date, language: Language): string {
  return dateFormat(language, { weekday: "long", month: "long", day: "numeric" }).format(date);
}

/** "10:00" in the reader's zone. */
export function formatClock(date: Date, language: Language): string {
  return dateFormat(language, { hour: "2-digit", minute: "2-digit" }).format(date);
}

/** Times grouped by their day in the reader's zone, in order. */
export function byDay(times: Date[], language: Language): [string, Date[]][] {
  const days = new Map<string, Date[]>();
  for (const time of times) {
    const day = formatDay(time, language);
    days.set(day, [...(days.get(day) ?? []), time]);
  }
  return [...days];
}
