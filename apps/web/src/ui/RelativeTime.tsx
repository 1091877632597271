import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { relativeTime } from "../lib/relative-time";
import { useNow } from "../lib/use-now";

/**
 * "2h", with the full date and time on hover (screen readers have `dateTime`). The
 * full date is written when the pointer arrives, not for every row of the first
 * screen: formatting it needs Intl's locale data, which costs a phone ≈ 110 ms.
 */
export function RelativeTime({ date, className }: { date: Date; className?: string }) {
  const { language, formatDate } = useI18n();
  const now = useNow();
  const [title, setTitle] = useState<string>();
  return (
    <time
      className={className}
      dateTime={date.toISOString()}
      title={title}
      onPointerEnter={() => setTitle(formatDate(date))}
    >
      {relativeTime(date, now, language)}
    </time>
  );
}
