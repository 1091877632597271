import { useRef, useState, type FormEvent } from "react";
import { slotOverlaps } from "@orgo/api-contract/constants";
import "./study-messages";
import { useNavigate } from "react-router";
import { useIdParam } from "../../lib/route-params";
import type { TStudyDetail } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { Field } from "../../ui/Field";
import { FormError } from "../../ui/FormError";
import { TimeZoneField } from "../../ui/time-zone/TimeZoneField";
import { browserZone } from "../../ui/time-zone/time-zones";
import { focusFirstOverlap, WeeklySlotsField } from "../../ui/weekly-slots/WeeklySlotsField";
import { PageHeader } from "../../ui/PageHeader";
import "./studies.css";

/** Today on this device's calendar (not UTC's, which is yesterday in Seoul until 9 a.m.). */
const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
};

/** /studies/new and /studies/<id>/edit: one form, date pickers and a tag input. */
export function StudyFormPage() {
  const id = useIdParam("studyId");
  const existing = trpc.study.byId.useQuery({ id: id ?? 0 }, { enabled: id !== null });
  if (id !== null && !existing.data) return null;
  return <StudyForm key={id} existing={existing.data ?? null} />;
}

function StudyForm({ existing }: { existing: TStudyDetail | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const [form, setForm] = useState({
    title: existing?.title ?? "",
    description: existing?.description ?? "",
    startsOn: existing?.startsOn ?? today(),
    endsOn: existing?.endsOn ?? today(),
    recruitUntil: existing?.recruitUntil ?? "",
    online: existing?.online ?? true,
    location: existing?.location ?? "",
    capacity: existing?.capacity ?? 4,
    tags: existing?.tags ?? ([] as string[]),
    // A new study meets in its leader's zone unless they choose another.
    timeZone: existing?.timeZone ?? browserZone(),
    requiresApproval: existing?.requiresApproval ?? false,
    schedule: existing?.schedule ?? [],
  });
  const scheduleField = useRef<HTMLFieldSetElement>(null);
  const [tagDraft, setTagDraft] = useState("");
  const done = async (study: { id: number }) => {
    await utils.study.invalidate();
    void navigate(`/studies/${study.id}`);
  };
  const create = trpc.study.create.useMutation({ onSuccess: done });
  const update = trpc.study.update.useMutation({ onSuccess: done });
  const save = existing ? update : create;
  // A field's error goes once the field is changed (it stayed until the next save).
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const errors = Object.fromEntries(
    Object.entries(fieldErrorsOf(save.error, i18n)).filter(([field]) => !changed.has(field)),
  );
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setChanged((fields) => new Set(fields).add(key));
  };
  const addTag = () => {
    const tag = tagDraft.trim().toLowerCase().replace(/^#/, "");
    if (tag && !form.tags.includes(tag) && form.tags.length < 10) set("tags", [...form.tags, tag]);
    setTagDraft("");
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (slotOverlaps(form.schedule).length > 0) {
      focusFirstOverlap(scheduleField.current);
      return;
    }
    setChanged(new Set());
    const input = {
      ...form,
      recruitUntil: form.recruitUntil || null,
      location: form.online ? null : form.location,
    };
    if (existing) update.mutate({ ...input, id: existing.id });
    else create.mutate(input);
  };
  return (
    <form className="page form study-form" onSubmit={submit} noValidate>
      <PageHeader title={existing ? t("study.edit") : t("study.new")} />
      <Field
        label={t("composer.title")}
        name="title"
        value={form.title}
        onChange={(e) => set("title", e.target.value)}
        errors={errors.title}
      />
      <label className="field" htmlFor="field-description">
        <span>{t("study.description")}</span>
        <textarea
          id="field-description"
          rows={6}
          value={form.description}
          onChange={(e) => set("description", e.target.value)}
        />
        {errors.description && <span className="field__error">{errors.description.join(" ")}</span>}
      </label>
      <div className="form__row">
        <Field
          label={t("study.startsOn")}
          name="startsOn"
          type="date"
          value={form.startsOn}
          onChange={(e) => set("startsOn", e.target.value)}
          errors={errors.startsOn}
        />
        <Field
          label={t("study.endsOn")}
          name="endsOn"
          type="date"
          value={form.endsOn}
          onChange={(e) => set("endsOn", e.target.value)}
          errors={errors.endsOn}
        />
        <Field
          label={t("study.recruitUntil")}
          name="recruitUntil"
          type="date"
          value={form.recruitUntil}
          onChange={(e) => set("recruitUntil", e.target.value)}
          errors={errors.recruitUntil}
        />
      </div>
      <div className="form__row">
        <Field
          label={t("study.capacity")}
          name="capacity"
          type="number"
          min={2}
          max={100}
          value={form.capacity}
          onChange={(e) => set("capacity", Number(e.target.value))}
          errors={errors.capacity}
        />
        <TimeZoneField
          id="study-time-zone"
          label={t("study.timeZone")}
          value={form.timeZone}
          onChange={(zone) => set("timeZone", zone)}
          errors={errors.timeZone}
        />
      </div>
      <WeeklySlotsField
        ref={scheduleField}
        legend={t("study.schedule")}
        slots={form.schedule}
        onChange={(schedule) => set("schedule", schedule)}
        emptyText={t("study.noSchedule")}
        errors={errors.schedule}
      />
      <fieldset className="choice">
        <legend>{t("study.filter.mode")}</legend>
        <label className="choice__option">
          <input type="radio" name="mode" checked={form.online} onChange={() => set("online", true)} />{" "}
          {t("study.online")}
        </label>
        <label className="choice__option">
          <input type="radio" name="mode" checked={!form.online} onChange={() => set("online", false)} />{" "}
          {t("study.offline")}
        </label>
        {!form.online && (
          <Field
            label={t("study.location")}
            name="location"
            value={form.location}
            onChange={(e) => set("location", e.target.value)}
            errors={errors.location}
          />
        )}
      </fieldset>
      <div className="field">
        <label htmlFor="field-tag">{t("study.tags")}</label>
        <div className="tag-input">
          {form.tags.map((tag) => (
            <button
              key={tag}
              type="button"
              className="badge"
              aria-label={t("study.removeTag", { tag })}
              onClick={() =>
                set(
                  "tags",
                  form.tags.filter((x) => x !== tag),
                )
              }
            >
              #{tag} ✕
            </button>
          ))}
          <input
            id="field-tag"
            value={tagDraft}
            placeholder={t("study.tagHint")}
            onChange={(e) => setTagDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === ",") {
                e.preventDefault();
                addTag();
              }
            }}
            onBlur={addTag}
          />
        </div>
        {errors.tags && <span className="field__error">{errors.tags.join(" ")}</span>}
      </div>
      <label className="choice__option">
        <input
          type="checkbox"
          checked={form.requiresApproval}
          onChange={(e) => set("requiresApproval", e.target.checked)}
        />{" "}
        {t("study.requiresApproval")}
      </label>
      <FormError error={save.error} />
      <div className="form__actions">
        <button type="button" className="button button--ghost" onClick={() => void navigate(-1)}>
          {t("composer.cancel")}
        </button>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {existing ? t("composer.saveEdit") : t("study.create")}
        </button>
      </div>
    </form>
  );
}
