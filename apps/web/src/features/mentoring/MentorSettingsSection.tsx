import { useRef, useState, type FormEvent } from "react";
import { mentorLanguages, slotOverlaps } from "@orgo/api-contract/constants";
import type { TMentorLanguage, TWeeklySlot } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { FormError } from "../../ui/FormError";
import { browserZone } from "../../ui/time-zone/time-zones";
import { TimeZoneField } from "../../ui/time-zone/TimeZoneField";
import { focusFirstOverlap, WeeklySlotsField } from "../../ui/weekly-slots/WeeklySlotsField";

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
  const slotsField = useRef<HTMLFieldSetElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (slotOverlaps(form.slots).length > 0) {
      focusFirstOverlap(slotsField.current);
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
      <WeeklySlotsField
        ref={slotsField}
        legend={t("settings.mentoring.slots")}
        slots={form.slots}
        onChange={(slots) => set("slots", slots)}
        emptyText={t("settings.mentoring.noSlots")}
        errors={errors.slots}
      />
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
