import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { meetingPath } from "@orgo/api-contract/constants";
import type { TMentorRequest } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { Avatar } from "../../ui/Avatar";
import { FormError } from "../../ui/FormError";
import { Markdown } from "../../ui/markdown/Markdown";
import { formatWhen } from "./time";
import { FreeTimeForm } from "./FreeTimeForm";
import "./mentoring.css";

/** A request as its two people see it, with what each may do next. */
export function RequestCard({ request }: { request: TMentorRequest }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const utils = trpc.useUtils();
  const refresh = () => Promise.all([utils.mentoring.invalidate()]);
  const options = { onSuccess: refresh };
  const navigate = useNavigate();
  // A meeting was made: show it.
  const toMeeting = {
    onSuccess: async (meeting: { id: number }) => {
      await refresh();
      void navigate(meetingPath(meeting.id, "upcoming"));
    },
  };
  const accept = trpc.mentoring.acceptRequest.useMutation(toMeeting);
  const propose = trpc.mentoring.proposeTime.useMutation(options);
  const confirm = trpc.mentoring.confirmTime.useMutation(toMeeting);
  const decline = trpc.mentoring.declineRequest.useMutation(options);
  const withdraw = trpc.mentoring.withdrawRequest.useMutation(options);
  const [proposing, setProposing] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [place, setPlace] = useState("");
  const [note, setNote] = useState("");
  const error = [accept, propose, confirm, decline, withdraw].find((m) => m.error)?.error;
  const placeErrors = fieldErrorsOf(propose.error ?? accept.error, i18n).place;
  const person = request.role === "mentor" ? request.learner : request.mentor;
  const waiting = request.status === "open" || request.status === "countered";
  const when = (date: Date) => formatWhen(date, language);

  return (
    <li className="card mentoring-card" data-testid="request-card">
      <div className="mentoring-card__head">
        <Avatar user={person} size={32} />
        <div>
          <strong className="card__title">{person.displayName}</strong>{" "}
          <span className="muted small">@{person.handle}</span>
          <div className="small">
            #{request.topic} · {t("request.minutes", { minutes: request.lengthMinutes })} ·{" "}
            <span className="badge">{t(`mentoring.status.${request.status}`)}</span>
          </div>
        </div>
      </div>
      <div className="mentoring-card__body">
        <Markdown source={request.message} />
      </div>
      <p className="small">
        <span className="muted">{t("mentoring.proposed")}:</span> {request.proposedTimes.map(when).join(" · ")}
      </p>
      {request.status === "countered" && request.counterTime && (
        <p className="small">{t("mentoring.counterTime", { time: when(request.counterTime) })}</p>
      )}
      {request.declineNote && <p className="small">{t("mentoring.declinedNote", { note: request.declineNote })}</p>}
      {waiting && <p className="muted small">{t("mentoring.expires", { time: when(request.expiresAt) })}</p>}
      <div className="mentoring-card__actions">
        {request.meetingId !== null && (
          <Link to={meetingPath(request.meetingId, "upcoming")} className="button">
            {t("mentoring.openMeeting")}
          </Link>
        )}
        {waiting && request.role === "mentor" && (
          <>
            {request.proposedTimes.map((time) => (
              <button
                key={time.getTime()}
                type="button"
                className="button button--primary"
                disabled={accept.isPending}
                onClick={() => accept.mutate({ id: request.id, startsAt: time, place: place || null })}
              >
                {t("mentoring.accept", { time: when(time) })}
              </button>
            ))}
            <button type="button" className="button" onClick={() => setProposing((v) => !v)}>
              {t("mentoring.proposeOther")}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setDeclining((v) => !v)}>
              {t("mentoring.decline")}
            </button>
          </>
        )}
        {waiting && request.role === "learner" && (
          <>
            {request.status === "countered" && request.counterTime && (
              <button
                type="button"
                className="button button--primary"
                disabled={confirm.isPending}
                onClick={() => confirm.mutate({ id: request.id })}
              >
                {t("mentoring.confirm", { time: when(request.counterTime) })}
              </button>
            )}
            <button
              type="button"
              className="button button--ghost"
              disabled={withdraw.isPending}
              onClick={() => withdraw.mutate({ id: request.id })}
            >
              {t("mentoring.withdraw")}
            </button>
          </>
        )}
      </div>
      {waiting && request.role === "mentor" && (
        <label className="field">
          <span>{t("mentoring.place")}</span>
          <input
            type="url"
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            placeholder="https://"
            aria-invalid={Boolean(placeErrors)}
          />
          {placeErrors && <span className="field__error">{placeErrors.join(" ")}</span>}
        </label>
      )}
      {proposing && (
        <FreeTimeForm
          mentorId={request.mentor.id}
          lengthMinutes={request.lengthMinutes}
          pending={propose.isPending}
          onPropose={(startsAt) => propose.mutate({ id: request.id, startsAt, place: place || null })}
        />
      )}
      {declining && (
        <form
          className="form form--inline"
          onSubmit={(e) => {
            e.preventDefault();
            decline.mutate({ id: request.id, note: note || null });
          }}
        >
          <label className="field">
            <span>{t("mentoring.declineNote")}</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          </label>
          <button type="submit" className="button button--danger" disabled={decline.isPending}>
            {t("mentoring.decline")}
          </button>
        </form>
      )}
      <FormError error={error} />
    </li>
  );
}
