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

/** "10:00" in the reader's zone. */
export function formatClock(date: Date, language: Language): string {
  return dateFormat(language, { hour: "2-digit", minute: "2-digit" }).format(date);
}
