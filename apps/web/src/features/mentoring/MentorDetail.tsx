import { useState } from "react";
import { Link } from "react-router";
import type { TWeeklySlot } from "@orgo/api-contract/schemas";
import { zoneOption } from "../../ui/time-zone/time-zones";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { describeError } from "../../i18n/describe-error";
import { Avatar } from "../../ui/Avatar";
import { Markdown } from "../../ui/markdown/Markdown";
import { useMe } from "../auth/use-me";
import { RequestDialog } from "./RequestDialog";
import { formatWhen } from "./time";
import { DetailSkeleton } from "../../ui/DetailSkeleton";
import { ReportButton } from "../moderation/ReportButton";
import "./mentoring.css";

/** One mentor: pitch, topics, weekly availability (their zone), rating, reviews, and "ask for mentoring". */
export function MentorDetail({ userId }: { userId: string }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const me = useMe();
  const mentor = trpc.mentoring.byId.useQuery({ userId }, { retry: false });
  const [asking, setAsking] = useState(false);
  if (mentor.error) return <p className="placeholder">{describeError(mentor.error, i18n)}</p>;
  if (!mentor.data) return <DetailSkeleton />;
  const m = mentor.data;
  const isMe = me.data?.id === m.user.id;
  const byDay = (weekday: number) => m.slots.filter((slot: TWeeklySlot) => slot.weekday === weekday);
  return (
    <article className="mentor-detail" aria-labelledby="mentor-name" data-testid="mentor-detail">
      <header className="mentor-detail__header">
        <Avatar user={m.user} size={64} />
        <div>
          <h2 id="mentor-name">{m.user.displayName}</h2>
          <Link to={`/u/${m.user.handle}`} className="muted">
            @{m.user.handle}
          </Link>
          <p className="small">
            {m.rating.average === null
              ? t("mentors.noRating")
              : t("mentors.rating", { average: m.rating.average, count: m.rating.count })}{" "}
            · {t("mentors.places", { open: m.openCount, capacity: m.capacity })}
          </p>
        </div>
      </header>
      <p className="tags small">
        {m.topics.map((topic) => (
          <span key={topic} className={`badge${m.sharedTopics.includes(topic) ? " badge--shared" : ""}`}>
            #{topic}
          </span>
        ))}
      </p>
      {m.sharedTopics.length > 0 && (
        <p className="small muted">{t("mentors.shared", { topics: m.sharedTopics.map((s) => `#${s}`).join(" ") })}</p>
      )}
      <p className="small">
        <span className="muted">{t("mentors.languages")}</span> {m.languages.map((l) => t(`language.${l}`)).join(", ")}
      </p>
      <div className="mentor-detail__pitch">
        <Markdown source={m.pitch} />
      </div>
      <div className="mentor-detail__actions">
        {isMe ? null : !me.data ? (
          <Link to="/signin" className="button">
            {t("mentors.signInToRequest")}
          </Link>
        ) : m.myOpenRequestId !== null ? (
          <Link to="/mentoring" className="button">
            {t("mentors.requestSent")}
          </Link>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={!m.accepting}
            onClick={() => setAsking(true)}
          >
            {m.accepting ? t("mentors.request") : m.openCount >= m.capacity ? t("mentors.full") : t("mentors.paused")}
          </button>
        )}
        {!isMe && <ReportButton target={{ kind: "mentor", userId: m.user.id }} />}
        {m.nextFreeSlot && (
          <span className="muted small">{t("mentors.nextFree", { time: formatWhen(m.nextFreeSlot, language) })}</span>
        )}
      </div>
      <h3 className="section-title">{t("mentors.availability", { zone: zoneOption(m.timeZone, language).label })}</h3>
      <table className="availability">
        <tbody>
          {[0, 1, 2, 3, 4, 5, 6].map((weekday) => (
            <tr key={weekday}>
              <th scope="row">{t(`weekday.${weekday}` as "weekday.0")}</th>
              <td>
                {byDay(weekday)
                  .map((slot) => `${slot.start}–${slot.end}`)
                  .join(", ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {m.reviews.length > 0 && (
        <>
          <h3 className="section-title">{t("mentors.reviews")}</h3>
          <ul className="reviews">
            {m.reviews.map((review) => (
              <li key={`${review.learner.id}-${review.ratedAt.getTime()}`}>
                <strong>{"★".repeat(review.rating)}</strong> {review.comment}{" "}
                <span className="muted small">— {review.learner.displayName}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {asking && <RequestDialog mentor={m} onClose={() => setAsking(false)} />}
    </article>
  );
}
