import { useState, type FormEvent } from "react";
import { MAX_PROPOSED_TIMES } from "@orgo/api-contract/constants";
import type { TMentorDetail } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { Dialog } from "../../ui/Dialog";
import { FormError } from "../../ui/FormError";
import { WeekPicker } from "./WeekPicker";
import { browserZone, zoneOption } from "../../ui/time-zone/time-zones";
import "./mentoring.css";

/** Ask a mentor: topic, length, what for, and up to three of their free times in my own zone. */
export function RequestDialog({ mentor, onClose }: { mentor: TMentorDetail; onClose: () => void }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const utils = trpc.useUtils();
  const [topic, setTopic] = useState(mentor.sharedTopics[0] ?? mentor.topics[0] ?? "");
  const [lengthMinutes, setLength] = useState<30 | 60>(30);
  const [message, setMessage] = useState("");
  const [picked, setPicked] = useState<number[]>([]);
  const free = trpc.mentoring.freeSlots.useQuery({ mentorId: mentor.user.id, lengthMinutes });
  const send = trpc.mentoring.sendRequest.useMutation({
    onSuccess: async () => {
      await Promise.all([
        utils.mentoring.byId.invalidate({ userId: mentor.user.id }),
        utils.mentoring.requests.invalidate(),
      ]);
      onClose();
    },
  });
  const errors = fieldErrorsOf(send.error, i18n);
  const toggle = (time: number) =>
    setPicked((now) =>
      now.includes(time) ? now.filter((t) => t !== time) : now.length < MAX_PROPOSED_TIMES ? [...now, time] : now,
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    send.mutate({
      mentorId: mentor.user.id,
      topic,
      lengthMinutes,
      message,
      proposedTimes: picked.map((time) => new Date(time)),
    });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t("request.title", { name: mentor.user.displayName })}
      className="request-dialog"
    >
      <form className="form" onSubmit={submit} noValidate data-testid="request-form">
        <div className="form__row">
          <label className="field">
            <span>{t("request.topic")}</span>
            <select value={topic} onChange={(e) => setTopic(e.target.value)} aria-invalid={Boolean(errors.topic)}>
              {mentor.topics.map((tag) => (
                <option key={tag} value={tag}>
                  #{tag}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="field">
            <legend>{t("request.length")}</legend>
            {([30, 60] as const).map((minutes) => (
              <label key={minutes} className="choice__option">
                <input
                  type="radio"
                  name="length"
                  checked={lengthMinutes === minutes}
                  onChange={() => {
                    setLength(minutes);
                    setPicked([]);
                  }}
                />
                {t("request.minutes", { minutes })}
              </label>
            ))}
          </fieldset>
        </div>
        <label className="field">
          <span>{t("request.message")}</span>
          <textarea
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            rows={4}
            maxLength={2000}
            aria-invalid={Boolean(errors.message)}
          />
          {errors.message && <span className="field__error">{errors.message.join(" ")}</span>}
        </label>
        <fieldset className="field">
          <legend>{t("request.times", { zone: zoneOption(browserZone(), language).city })}</legend>
          {free.data?.starts.length === 0 && <p className="muted">{t("request.noTimes")}</p>}
          <WeekPicker starts={free.data?.starts ?? []} picked={picked} max={MAX_PROPOSED_TIMES} onToggle={toggle} />
          {errors.proposedTimes && <span className="field__error">{errors.proposedTimes.join(" ")}</span>}
        </fieldset>
        <FormError error={send.error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={send.isPending || picked.length === 0}>
            {t("request.send")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
