import type { Language } from "./detect-language";
import { dateFormat } from "./date-format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// The narrow units, as Intl.NumberFormat's `unitDisplay: "narrow"` writes them for
// en-US and ko-KR (the test compares the two). Written out because a feed row is on
// the first screen, and the first Intl object a page makes costs ≈ 110 ms of a phone's
// CPU (ICU's locale data); older dates, rarer, still go through Intl.
const units: Record<Language, { now: string; minute: string; hour: string; day: string }> = {
  en: { now: "now", minute: "{n}m", hour: "{n}h", day: "{n}d" },
  ko: { now: "지금", minute: "{n}분", hour: "{n}시간", day: "{n}일" },
};

/**
 * How long ago, the way a list says it: "now", "5m", "2h", "3d" (Korean "지금",
 * "5분", "2시간", "3일"), then the date ("Nov 30", or "Nov 30, 2025" in another year).
 * The full date goes in the element's title.
 */
export function relativeTime(date: Date, now: number, language: Language): string {
  const ago = Math.max(0, now - date.getTime());
  const table = units[language];
  const unit = (value: number, name: "minute" | "hour" | "day") => table[name].replace("{n}", String(value));
  if (ago < MINUTE) return table.now;
  if (ago < HOUR) return unit(Math.floor(ago / MINUTE), "minute");
  if (ago < DAY) return unit(Math.floor(ago / HOUR), "hour");
  if (ago < 7 * DAY) return unit(Math.floor(ago / DAY), "day");
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return dateFormat(language, { month: "short", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) }).format(
    date,
  );
}
