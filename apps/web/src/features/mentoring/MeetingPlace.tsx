import { useState } from "react";
import { Video } from "lucide-react";
import type { TMeeting } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { FormError } from "../../ui/FormError";
import "./meeting-place.css";
import "./mentoring.css";

/**
 * Where the two meet. A mentor whose meeting has no call link yet is asked for one,
 * in a box that says why; once set it shows as a link, changeable. The learner sees
 * the link, or that the mentor has not added one and the chat is the place till then.
 */
export function MeetingPlace({ meeting }: { meeting: TMeeting }) {
  const { t } = useI18n();
  const utils = trpc.useUtils();
  const setPlace = trpc.mentoring.setPlace.useMutation({
    onSuccess: async () => {
      setEditing(false);
      await utils.mentoring.invalidate();
    },
  });
  const [editing, setEditing] = useState(false);
  const [link, setLink] = useState(meeting.place ?? "");
  const scheduled = meeting.state === "scheduled";
  const canSet = scheduled && meeting.role === "mentor";
  const asking = canSet && (meeting.place === null || editing);
  return (
    <div className={asking && !meeting.place ? "meeting-place meeting-place--ask" : "meeting-place"}>
      {meeting.place ? (
        <p className="small">
          <Video aria-hidden size={15} />{" "}
          <a href={meeting.place} target="_blank" rel="noreferrer noopener" data-testid="meeting-link">
            {meeting.place}
          </a>
          {canSet && !editing && (
            <button type="button" className="button button--link small" onClick={() => setEditing(true)}>
              {t("mentoring.changePlace")}
            </button>
          )}
        </p>
      ) : (
        <p className="small" data-testid="meeting-place-missing">
          {canSet
            ? t("mentoring.askPlace", { name: meeting.learner.displayName })
            : scheduled
              ? t("mentoring.noPlaceYet", { name: meeting.mentor.displayName })
              : t("mentoring.inChat")}
        </p>
      )}
      {asking && (
        <form
          className="form form--inline"
          onSubmit={(e) => {
            e.preventDefault();
            setPlace.mutate({ id: meeting.id, place: link.trim() || null });
          }}
        >
          <label className="field">
            <span>{t("mentoring.place")}</span>
            <input type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://" />
          </label>
          <button type="submit" className="button button--primary" disabled={setPlace.isPending}>
            {t("mentoring.setPlace")}
          </button>
          {editing && (
            <button type="button" className="button button--ghost" onClick={() => setEditing(false)}>
              {t("composer.cancel")}
            </button>
          )}
        </form>
      )}
      <FormError error={setPlace.error} />
    </div>
  );
}
