import { useI18n } from "../i18n/i18n";
import { relativeTime } from "../lib/relative-time";
import { useNow } from "../lib/use-now";

/** "2h", with the full date and time on hover (and for screen readers' dateTime). */
export function RelativeTime({ date }: { date: Date }) {
  const { language, formatDate } = useI18n();
  const now = useNow();
  return (
    <time dateTime={date.toISOString()} title={formatDate(date)}>
      {relativeTime(date, now, language)}
    </time>
  );
}
