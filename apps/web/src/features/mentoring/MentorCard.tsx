import type { TMentor } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { Avatar } from "../../ui/Avatar";
import { formatWhen } from "./time";
import "./mentoring.css";

/** A mentor in a list: who, what they offer, their rating, and when they are next free. */
export function MentorCard({ mentor }: { mentor: TMentor }) {
  const { t, language } = useI18n();
  return (
    <div className="mentor-card">
      <div className="mentor-card__who">
        <Avatar user={mentor.user} size={40} />
        <div>
          <strong className="card__title">{mentor.user.displayName}</strong>{" "}
          <span className="muted small">@{mentor.user.handle}</span>
          <div className="small">
            {mentor.rating.average === null
              ? t("mentors.noRating")
              : t("mentors.rating", { average: mentor.rating.average, count: mentor.rating.count })}{" "}
            · {mentor.languages.map((l) => t(`language.${l}`)).join(", ")}
          </div>
        </div>
      </div>
      <div className="tags small">
        {mentor.topics.map((topic) => (
          <span key={topic} className={`badge${mentor.sharedTopics.includes(topic) ? " badge--shared" : ""}`}>
            #{topic}
          </span>
        ))}
      </div>
      <div className="small">
        {!mentor.accepting ? (
          <span className="badge badge--closed">
            {mentor.openCount >= mentor.capacity ? t("mentors.full") : t("mentors.paused")}
          </span>
        ) : mentor.nextFreeSlot ? (
          <span className="muted">{t("mentors.nextFree", { time: formatWhen(mentor.nextFreeSlot, language) })}</span>
        ) : (
          <span className="muted">{t("mentors.noFree")}</span>
        )}
      </div>
    </div>
  );
}
