import { useId, useState } from "react";
import type { TMeetingLength } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { formatWhen } from "./time";
import "./mentoring.css";

/** "Pick a free time" of the mentor (in my zone) and propose it: another time for a request, or a new meeting time. */
export function FreeTimeForm(props: {
  mentorId: string;
  lengthMinutes: TMeetingLength;
  pending: boolean;
  onPropose: (startsAt: Date) => void;
}) {
  const { t, language } = useI18n();
  const fieldId = useId();
  const [picked, setPicked] = useState("");
  const free = trpc.mentoring.freeSlots.useQuery({ mentorId: props.mentorId, lengthMinutes: props.lengthMinutes });
  return (
    <form
      className="form form--inline"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked) props.onPropose(new Date(Number(picked)));
      }}
    >
      <div className="field">
        <label htmlFor={fieldId}>{t("mentoring.pickTime")}</label>
        <select id={fieldId} value={picked} onChange={(e) => setPicked(e.target.value)}>
          <option value="" />
          {free.data?.starts.map((time) => (
            <option key={time.getTime()} value={time.getTime()}>
              {formatWhen(time, language)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={!picked || props.pending}>
        {t("mentoring.sendProposal")}
      </button>
    </form>
  );
}
