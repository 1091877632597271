import type { Ref } from "react";
import { slotOverlaps } from "@orgo/api-contract/constants";
import type { TWeeklySlot } from "@orgo/api-contract/schemas";
import { addMessages, useI18n } from "../../i18n/i18n";
import { enWeeklySlots, koWeeklySlots } from "../../i18n/messages-weekly-slots";
import "./weekly-slots.css";

addMessages({ en: enWeeklySlots, ko: koWeeklySlots });

/** Every half hour of a day, "00:00" … "24:00", for the pickers. */
const CLOCKS = Array.from(
  { length: 49 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
);

/** "Mon 19:00–21:00", "월 19:00–21:00". */
export function useDescribeSlot() {
  const { t } = useI18n();
  return (slot: TWeeklySlot) => `${t(`weekday.${slot.weekday}` as "weekday.0")} ${slot.start}–${slot.end}`;
}

/**
 * Weekly times, one row each (day, from, to, remove): a mentor's hours, a study's
 * sessions. A row that runs into another is marked as it is set, naming the other
 * (the server refuses the same by the same rule, `slotOverlaps`, but can only say
 * "these times overlap"). The form checks `slotOverlaps` before sending and moves
 * the focus to the first marked row through `ref`'s fieldset.
 */
export function WeeklySlotsField({
  legend,
  slots,
  onChange,
  emptyText,
  errors,
  ref,
}: {
  legend: string;
  slots: TWeeklySlot[];
  onChange: (slots: TWeeklySlot[]) => void;
  /** Shown while there is no row. */
  emptyText: string;
  /** The server's words for the whole list, when it refused it. */
  errors?: string[];
  ref?: Ref<HTMLFieldSetElement>;
}) {
  const { t } = useI18n();
  const describe = useDescribeSlot();
  const overlaps = new Map(slotOverlaps(slots).map((overlap) => [overlap.index, overlap.with]));
  const setSlot = (index: number, slot: Partial<TWeeklySlot>) =>
    onChange(slots.map((s, i) => (i === index ? { ...s, ...slot } : s)));
  return (
    <fieldset className="field slots" ref={ref}>
      <legend>{legend}</legend>
      {slots.map((slot, index) => (
        <div key={index} className="slots__row" data-testid="slot-row" data-invalid={overlaps.has(index) || undefined}>
          <select
            aria-label={t("slots.weekday")}
            aria-invalid={overlaps.has(index)}
            value={slot.weekday}
            onChange={(e) => setSlot(index, { weekday: Number(e.target.value) })}
          >
            {[0, 1, 2, 3, 4, 5, 6].map((weekday) => (
              <option key={weekday} value={weekday}>
                {t(`weekday.${weekday}` as "weekday.0")}
              </option>
            ))}
          </select>
          <select
            aria-label={t("slots.from")}
            aria-invalid={overlaps.has(index)}
            value={slot.start}
            onChange={(e) => setSlot(index, { start: e.target.value })}
          >
            {CLOCKS.slice(0, -1).map((clock) => (
              <option key={clock}>{clock}</option>
            ))}
          </select>
          –
          <select
            aria-label={t("slots.to")}
            aria-invalid={overlaps.has(index)}
            value={slot.end}
            onChange={(e) => setSlot(index, { end: e.target.value })}
          >
            {CLOCKS.slice(1).map((clock) => (
              <option key={clock}>{clock}</option>
            ))}
          </select>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => onChange(slots.filter((_, i) => i !== index))}
          >
            {t("slots.remove")}
          </button>
          {overlaps.has(index) && (
            <span className="field__error slots__error" role="alert">
              {t("slots.overlapsWith", { slot: describe(slots[overlaps.get(index)!]!) })}
            </span>
          )}
        </div>
      ))}
      {slots.length === 0 && <p className="muted small">{emptyText}</p>}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...slots, { weekday: 0, start: "19:00", end: "21:00" }])}
      >
        {t("slots.add")}
      </button>
      {errors && overlaps.size === 0 && <span className="field__error">{errors.join(" ")}</span>}
    </fieldset>
  );
}

/** Moves the focus to the first row marked as overlapping (a form's submit, before it sends). */
export function focusFirstOverlap(fieldset: HTMLFieldSetElement | null): void {
  fieldset?.querySelector<HTMLElement>('[data-testid="slot-row"][data-invalid] select')?.focus();
}
