import { useState } from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useI18n } from "../../i18n/i18n";
import { dateFormat } from "../../lib/date-format";
import { formatClock, formatWhen } from "./time";
import { dayOf, mondayOf, weekDays } from "./week-days";
import "./week-picker.css";

const DAY = 24 * 3600_000;

/**
 * A mentor's free times as a week, a column a day in the reader's zone, a week at a
 * time (‹ ›), with "Next free" picking the earliest: the way a calendar offers times,
 * not a list of checkboxes. Each time is a toggle; at most `max` are picked.
 */
export function WeekPicker(props: { starts: Date[]; picked: number[]; max: number; onToggle: (time: number) => void }) {
  const { t, language } = useI18n();
  const times = props.starts.map((start) => start.getTime());
  const weeks = [...new Set(times.map(mondayOf))].sort((a, b) => a - b);
  const [shown, setShown] = useState(0);
  // Days gone are dimmed and today is marked, as a calendar does (read once: a form is short-lived).
  const [now] = useState(Date.now);
  const week = weeks[Math.min(shown, weeks.length - 1)];
  if (week === undefined) return null;
  const dayLabel = dateFormat(language, { weekday: "short", month: "numeric", day: "numeric" });
  const first = times[0]!;
  const full = props.picked.length >= props.max;
  return (
    <div className="week-picker">
      <div className="week-picker__bar">
        <button
          type="button"
          className="button"
          disabled={props.picked.includes(first) || full}
          onClick={() => {
            setShown(weeks.indexOf(mondayOf(first)));
            props.onToggle(first);
          }}
          data-testid="next-free"
        >
          {t("request.nextFree", { when: formatWhen(new Date(first), language) })}
        </button>
        <span className="week-picker__nav">
          <button
            type="button"
            className="button button--ghost"
            aria-label={t("request.earlierWeek")}
            disabled={shown === 0}
            onClick={() => setShown(shown - 1)}
          >
            <ChevronLeft aria-hidden size={16} />
          </button>
          <span className="small" aria-live="polite">
            {dateFormat(language, { month: "short", day: "numeric" }).formatRange(
              new Date(week),
              new Date(week + 6 * DAY),
            )}
          </span>
          <button
            type="button"
            className="button button--ghost"
            aria-label={t("request.laterWeek")}
            disabled={shown >= weeks.length - 1}
            onClick={() => setShown(shown + 1)}
          >
            <ChevronRight aria-hidden size={16} />
          </button>
        </span>
      </div>
      <div className="week-picker__days" role="group" aria-label={t("request.week")}>
        {weekDays(week, now).map(({ day, when }) => {
          const free = times.filter((time) => dayOf(time) === day);
          return (
            <div key={day} className={`week-picker__day is-${when}`}>
              <span className="week-picker__label small" aria-current={when === "today" ? "date" : undefined}>
                {dayLabel.format(new Date(day))}
              </span>
              {free.length === 0 && (
                <span className="muted small" aria-label={t("request.noneThatDay")}>
                  –
                </span>
              )}
              {free.map((time) => {
                const on = props.picked.includes(time);
                return (
                  <button
                    key={time}
                    type="button"
                    className={`week-picker__time${on ? " is-on" : ""}`}
                    aria-pressed={on}
                    aria-label={formatWhen(new Date(time), language)}
                    disabled={!on && full}
                    onClick={() => props.onToggle(time)}
                    data-testid="free-time"
                  >
                    {formatClock(new Date(time), language)}
                  </button>
                );
              })}
            </div>
          );
        })}
      </div>
      <p className="small muted" data-testid="picked-count">
        {t("request.picked", { count: props.picked.length, max: props.max })}
      </p>
    </div>
  );
}
