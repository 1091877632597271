import { useState } from "react";
import { Link } from "react-router";
import type { TMeeting } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { Avatar } from "../../ui/Avatar";
import { FormError } from "../../ui/FormError";
import { formatWhen } from "./time";
import { FreeTimeForm } from "./FreeTimeForm";
import { downloadCalendar } from "../../lib/download-calendar";
import { MeetingPlace } from "./MeetingPlace";
import { CancelMeeting } from "./CancelMeeting";
import { MentorsTime } from "./MentorsTime";
import "./mentoring.css";

/** A meeting: when (my zone), with whom, where; move, cancel, add to calendar, rate afterwards. */
export function MeetingCard({ meeting }: { meeting: TMeeting }) {
  const { t, language } = useI18n();
  const utils = trpc.useUtils();
  const options = { onSuccess: () => utils.mentoring.invalidate() };
  const reschedule = trpc.mentoring.proposeReschedule.useMutation(options);
  const answer = trpc.mentoring.answerReschedule.useMutation(options);
  const cancel = trpc.mentoring.cancelMeeting.useMutation(options);
  const rate = trpc.mentoring.rateMeeting.useMutation(options);
  const [moving, setMoving] = useState(false);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState("");
  const [isPublic, setPublic] = useState(false);
  const error = [reschedule, answer, cancel, rate].find((m) => m.error)?.error;
  const person = meeting.role === "mentor" ? meeting.learner : meeting.mentor;
  const when = (date: Date) => formatWhen(date, language);
  const scheduled = meeting.state === "scheduled";

  return (
    <li className="card mentoring-card" id={`meeting-${meeting.id}`} data-testid="meeting-card">
      <div className="mentoring-card__head">
        <Avatar user={person} size={32} />
        <div>
          <strong className="card__title">{when(meeting.startsAt)}</strong> ·{" "}
          {t("request.minutes", { minutes: meeting.lengthMinutes })}
          <MentorsTime meeting={meeting} />
          <div className="small">
            {meeting.role === "mentor" ? t("mentoring.mentee") : t("mentoring.mentor")}:{" "}
            <strong>{person.displayName}</strong> · #{meeting.topic}
            {meeting.state !== "scheduled" && (
              <span className="badge badge--spaced">
                {meeting.state === "over" ? t("mentoring.over") : t("mentoring.cancelledShort")}
              </span>
            )}
          </div>
        </div>
      </div>
      <MeetingPlace meeting={meeting} />
      {meeting.cancelReason && <p className="small">{t("mentoring.cancelled", { reason: meeting.cancelReason })}</p>}
      {meeting.proposal && (
        <p className="small" data-testid="meeting-proposal">
          {meeting.proposal.byMe
            ? t("mentoring.proposalByMe", { time: when(meeting.proposal.startsAt) })
            : t("mentoring.proposalByOther", { time: when(meeting.proposal.startsAt) })}
        </p>
      )}
      <div className="mentoring-card__actions">
        <Link to={`/chat/${meeting.roomId}`} className="button">
          {t("mentoring.openChat")}
        </Link>
        {meeting.state !== "cancelled" && (
          <button
            type="button"
            className="button"
            onClick={() => void downloadCalendar(() => utils.mentoring.meetingCalendar.fetch({ id: meeting.id }))}
          >
            {t("mentoring.calendar")}
          </button>
        )}
        {scheduled && meeting.proposal && !meeting.proposal.byMe && (
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={() => answer.mutate({ id: meeting.id, accept: true })}
            >
              {t("mentoring.acceptProposal")}
            </button>
            <button type="button" className="button" onClick={() => answer.mutate({ id: meeting.id, accept: false })}>
              {t("mentoring.declineProposal")}
            </button>
          </>
        )}
        {scheduled && (
          <>
            <button type="button" className="button" onClick={() => setMoving((v) => !v)}>
              {t("mentoring.reschedule")}
            </button>
            <CancelMeeting meeting={meeting} onCancel={(reason) => cancel.mutateAsync({ id: meeting.id, reason })} />
          </>
        )}
      </div>
      {moving && (
        <FreeTimeForm
          mentorId={meeting.mentor.id}
          lengthMinutes={meeting.lengthMinutes}
          pending={reschedule.isPending}
          onPropose={(startsAt) => reschedule.mutate({ id: meeting.id, startsAt })}
        />
      )}
      {meeting.rating && <p className="small">{t("mentoring.rated", { value: meeting.rating.value })}</p>}
      {meeting.canRate && (
        <form
          className="form rating-form"
          data-testid="rating-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (stars) rate.mutate({ id: meeting.id, rating: stars, comment: comment || null, public: isPublic });
          }}
        >
          <fieldset className="stars">
            <legend>{t("mentoring.rate")}</legend>
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} className="stars__star" title={t("mentoring.stars", { count: value })}>
                <input
                  type="radio"
                  name={`stars-${meeting.id}`}
                  className="visually-hidden"
                  checked={stars === value}
                  onChange={() => setStars(value)}
                />
                <span aria-hidden>{value <= stars ? "★" : "☆"}</span>
                <span className="visually-hidden">{t("mentoring.stars", { count: value })}</span>
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{t("mentoring.comment")}</span>
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={1000} />
          </label>
          <label className="choice__option">
            <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
            {t("mentoring.public")}
          </label>
          <button type="submit" className="button button--primary" disabled={!stars || rate.isPending}>
            {t("mentoring.submitRating")}
          </button>
        </form>
      )}
      <FormError error={error} />
    </li>
  );
}
