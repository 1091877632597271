import { useState, type FormEvent } from "react";
import { mentorLanguages, slotOverlaps } from "@orgo/api-contract/constants";
import type { TMentorLanguage, TWeeklySlot } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { FormError } from "../../ui/FormError";
import { browserZone } from "../../ui/time-zone/time-zones";
import { TimeZoneField } from "../../ui/time-zone/TimeZoneField";

/** Every half hour of a day, "00:00" … "24:00", for the slot pickers. */
const CLOCKS = Array.from(
  { length: 49 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
);
interface Form {
  active: boolean;
  paused: boolean;
  topics: string;
  languages: TMentorLanguage[];
  pitch: string;
  timeZone: string;
  capacity: number;
  slots: TWeeklySlot[];
}

/** Settings → Mentoring: "I mentor", what about, in which languages, when (weekly, my zone), how many at once. */
export function MentorSettingsSection() {
  const mine = trpc.mentoring.mySettings.useQuery();
  if (!mine.isSuccess) return null;
  const s = mine.data;
  return (
    <MentorSettingsForm
      initial={{
        active: s?.active ?? false,
        paused: s?.paused ?? false,
        topics: s?.topics.join(", ") ?? "",
        languages: s?.languages ?? ["ko"],
        pitch: s?.pitch ?? "",
        timeZone: s?.timeZone ?? browserZone(),
        capacity: s?.capacity ?? 2,
        // A new mentor starts with no times: none they did not choose is saved for them.
        slots: s?.slots ?? [],
      }}
    />
  );
}

function MentorSettingsForm({ initial }: { initial: Form }) {
  const i18n = useI18n();
  const { t } = i18n;
  const utils = trpc.useUtils();
  const save = trpc.mentoring.updateSettings.useMutation({
    onSuccess: async (next) => {
      utils.mentoring.mySettings.setData(undefined, next);
      await utils.mentoring.list.invalidate();
    },
  });
  const [form, setForm] = useState<Form>(initial);
  const errors = fieldErrorsOf(save.error, i18n);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    save.reset();
    setForm({ ...form, [key]: value });
  };
  const setSlot = (index: number, slot: Partial<TWeeklySlot>) =>
    set(
      "slots",
      form.slots.map((s, i) => (i === index ? { ...s, ...slot } : s)),
    );
  // Marked as they are typed, each naming the slot it runs into (the server refuses
  // the same, by the same rule, but can only say "these times overlap").
  const overlaps = new Map(slotOverlaps(form.slots).map((overlap) => [overlap.index, overlap.with]));
  const describeSlot = (slot: TWeeklySlot) =>
    `${t(`weekday.${slot.weekday}` as "weekday.0")} ${slot.start}–${slot.end}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (overlaps.size > 0) {
      document.querySelector<HTMLElement>('[data-testid="slot-row"][data-invalid] select')?.focus();
      return;
    }
    save.mutate({
      ...form,
      topics: form.topics
        .split(",")
        .map((topic) => topic.trim())
        .filter(Boolean),
    });
  };
  return (
    <form
      className="choice form"
      id="mentoring"
      onSubmit={submit}
      noValidate
      aria-labelledby="mentoring-settings-title"
    >
      <h2 id="mentoring-settings-title" className="section-title">
        {t("settings.mentoring")}
      </h2>
      <label className="choice__option">
        <input type="checkbox" checked={form.active} onChange={(e) => set("active", e.target.checked)} />
        {t("settings.mentoring.on")}
      </label>
      <p className="muted small">{t("settings.mentoring.offHint")}</p>
      <label className="choice__option">
        <input type="checkbox" checked={form.paused} onChange={(e) => set("paused", e.target.checked)} />
        {t("settings.mentoring.paused")}
      </label>
      <label className="field">
        <span>{t("settings.mentoring.topics")}</span>
        <input
          value={form.topics}
          onChange={(e) => set("topics", e.target.value)}
          placeholder="typescript, react"
          aria-invalid={Boolean(errors.topics)}
        />
        {errors.topics && <span className="field__error">{errors.topics.join(" ")}</span>}
      </label>
      <fieldset className="field">
        <legend>{t("settings.mentoring.languages")}</legend>
        {mentorLanguages.map((language) => (
          <label key={language} className="choice__option">
            <input
              type="checkbox"
              checked={form.languages.includes(language)}
              onChange={(e) =>
                set(
                  "languages",
                  e.target.checked ? [...form.languages, language] : form.languages.filter((l) => l !== language),
                )
              }
            />
            {t(`language.${language}`)}
          </label>
        ))}
        {errors.languages && <span className="field__error">{errors.languages.join(" ")}</span>}
      </fieldset>
      <label className="field">
        <span>{t("settings.mentoring.pitch")}</span>
        <textarea
          value={form.pitch}
          onChange={(e) => set("pitch", e.target.value)}
          rows={4}
          maxLength={2000}
          aria-invalid={Boolean(errors.pitch)}
        />
        {errors.pitch && <span className="field__error">{errors.pitch.join(" ")}</span>}
      </label>
      <div className="form__row">
        <TimeZoneField
          id="mentor-time-zone"
          label={t("settings.mentoring.timeZone")}
          value={form.timeZone}
          onChange={(zone) => set("timeZone", zone)}
          errors={errors.timeZone}
        />
        <label className="field">
          <span>{t("settings.mentoring.capacity")}</span>
          <input
            type="number"
            min={1}
            max={20}
            value={form.capacity}
            onChange={(e) => set("capacity", Number(e.target.value))}
            aria-invalid={Boolean(errors.capacity)}
          />
          {errors.capacity && <span className="field__error">{errors.capacity.join(" ")}</span>}
        </label>
      </div>
      <fieldset className="field slots">
        <legend>{t("settings.mentoring.slots")}</legend>
        {form.slots.map((slot, index) => (
          <div
            key={index}
            className="slots__row"
            data-testid="slot-row"
            data-invalid={overlaps.has(index) || undefined}
          >
            <select
              aria-label={t("settings.mentoring.weekday")}
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
              aria-label={t("settings.mentoring.from")}
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
              aria-label={t("settings.mentoring.to")}
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
              onClick={() =>
                set(
                  "slots",
                  form.slots.filter((_, i) => i !== index),
                )
              }
            >
              {t("settings.mentoring.removeSlot")}
            </button>
            {overlaps.has(index) && (
              <span className="field__error slots__error" role="alert">
                {t("settings.mentoring.overlapsWith", { slot: describeSlot(form.slots[overlaps.get(index)!]!) })}
              </span>
            )}
          </div>
        ))}
        {form.slots.length === 0 && <p className="muted small">{t("settings.mentoring.noSlots")}</p>}
        <button
          type="button"
          className="button"
          onClick={() => set("slots", [...form.slots, { weekday: 0, start: "19:00", end: "21:00" }])}
        >
          {t("settings.mentoring.addSlot")}
        </button>
        {errors.slots && overlaps.size === 0 && <span className="field__error">{errors.slots.join(" ")}</span>}
      </fieldset>
      <FormError error={save.error} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t("settings.mentoring.save")}
        </button>
        {save.isSuccess && <span className="form__ok">{t("settings.mentoring.saved")}</span>}
      </div>
    </form>
  );
}
