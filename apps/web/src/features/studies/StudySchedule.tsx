import { CalendarPlus } from "lucide-react";
import type { TStudy } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { downloadCalendar } from "../../lib/download-calendar";
import { useNow } from "../../lib/use-now";
import { zoneOption } from "../../ui/time-zone/time-zones";
import { useDescribeSlot } from "../../ui/weekly-slots/WeeklySlotsField";
import { formatClock, formatWhen } from "../mentoring/time";
import "./study-schedule.css";

/** "Next session: Tue, Mar 10, 19:00" in the reader's zone, or "In session until 21:00". */
export function NextSession({ study }: { study: Pick<TStudy, "nextSession"> }) {
  const { t, language } = useI18n();
  const now = useNow();
  const next = study.nextSession;
  if (!next) return null;
  return (
    <span className="study__next" data-testid="next-session">
      {next.startsAt.getTime() <= now
        ? t("study.inSession", { until: formatClock(next.endsAt, language) })
        : t("study.nextSession", { when: formatWhen(next.startsAt, language) })}
    </span>
  );
}

/**
 * When the study meets: its weekly sessions in its own zone (named), the next one in
 * the reader's, and its sessions as a calendar file.
 */
export function StudySchedule({ study }: { study: TStudy }) {
  const { t, language } = useI18n();
  const utils = trpc.useUtils();
  const describe = useDescribeSlot();
  return (
    <section className="study__schedule" aria-labelledby="study-schedule-title" data-testid="study-schedule">
      <h2 id="study-schedule-title" className="section-title">
        {t("study.schedule")}
      </h2>
      {study.schedule.length > 0 ? (
        <p>
          {study.schedule.map(describe).join(", ")}{" "}
          <span className="muted">({zoneOption(study.timeZone, language).label})</span>
        </p>
      ) : (
        <p className="muted">{t("study.noScheduleYet")}</p>
      )}
      <p className="study__schedule-actions">
        <NextSession study={study} />
        <button
          type="button"
          className="button button--ghost"
          onClick={() => void downloadCalendar(() => utils.study.calendar.fetch({ id: study.id }))}
        >
          <CalendarPlus aria-hidden size={16} /> {t("study.addToCalendar")}
        </button>
      </p>
    </section>
  );
}
