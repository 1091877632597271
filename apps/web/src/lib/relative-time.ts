import type { Language } from "../i18n/detect-language";

const locales: Record<Language, string> = { en: "en-US", ko: "ko-KR" };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago, the way a list says it: "now", "5m", "2h", "3d" (Korean "지금",
 * "5분", "2시간", "3일"), then the date ("Nov 30", or "Nov 30, 2025" in another year).
 * The full date goes in the element's title.
 */
export function relativeTime(date: Date, now: number, language: Language): string {
  const locale = locales[language];
  const ago = Math.max(0, now - date.getTime());
  const unit = (value: number, name: "minute" | "hour" | "day") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "narrow" }).format(value);
  if (ago < MINUTE) return language === "ko" ? "지금" : "now";
  if (ago < HOUR) return unit(Math.floor(ago / MINUTE), "minute");
  if (ago < DAY) return unit(Math.floor(ago / HOUR), "hour");
  if (ago < 7 * DAY) return unit(Math.floor(ago / DAY), "day");
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(date);
}
