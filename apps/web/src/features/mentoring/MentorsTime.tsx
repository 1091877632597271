import type { TMeeting } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { dateFormat } from "../../lib/date-format";
import { browserZone, zoneOption } from "../../ui/time-zone/time-zones";

/**
 * For the learner, when the mentor lives in another zone: the meeting's time as the
 * mentor reads it, "· 09:00 PM for Leo (Seoul)", so neither has to convert.
 */
export function MentorsTime({ meeting }: { meeting: TMeeting }) {
  const { t, language } = useI18n();
  const zone = meeting.mentorTimeZone;
  if (meeting.role !== "learner" || !zone || zone === browserZone()) return null;
  const time = dateFormat(language, { weekday: "short", hour: "2-digit", minute: "2-digit", timeZone: zone }).format(
    meeting.startsAt,
  );
  return (
    <span className="muted small" data-testid="mentors-time">
      {" "}
      · {t("mentoring.theirTime", { time, name: meeting.mentor.displayName, city: zoneOption(zone, language).city })}
    </span>
  );
}
