import { Link } from "react-router";
import { meetingPath } from "@orgo/api-contract/constants";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { Avatar } from "../../ui/Avatar";
import { useMe } from "../auth/use-me";
import { formatWhen } from "./time";
import "./mentoring.css";

/** The home screen's mentoring corner: upcoming meetings, my mentors and mentees, requests waiting for me. */
export function MentoringPanel() {
  const { t, language } = useI18n();
  const me = useMe();
  const overview = trpc.mentoring.overview.useQuery(undefined, { enabled: Boolean(me.data), staleTime: 30_000 });
  const data = overview.data;
  if (!data) return null;
  const empty = !data.upcoming.length && !data.mentors.length && !data.mentees.length && !data.waitingForMe;
  return (
    <section className="mentoring-panel" aria-labelledby="mentoring-panel-title" data-testid="mentoring-panel">
      <h2 id="mentoring-panel-title" className="section-title">
        <Link to="/mentoring">{t("mentoring.title")}</Link>
      </h2>
      {empty && (
        <p className="small muted">
          {t("mentoring.nothingYet")} <Link to="/mentors">{t("mentoring.findMentor")}</Link>
        </p>
      )}
      {data.waitingForMe > 0 && (
        <p className="small">
          <Link to="/mentoring">{t("mentoring.waitingForMe", { count: data.waitingForMe })}</Link>
        </p>
      )}
      {data.upcoming.length > 0 && (
        <>
          <h3 className="small muted">{t("mentoring.upcomingMeetings")}</h3>
          <ul className="mentoring-panel__list">
            {data.upcoming.map((meeting) => {
              const person = meeting.role === "mentor" ? meeting.learner : meeting.mentor;
              return (
                <li key={meeting.id}>
                  <Link to={meetingPath(meeting.id, "upcoming")}>
                    {formatWhen(meeting.startsAt, language)} · {person.displayName}
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {(
        [
          ["mentoring.myMentors", data.mentors],
          ["mentoring.myMentees", data.mentees],
        ] as const
      ).map(
        ([label, people]) =>
          people.length > 0 && (
            <div key={label}>
              <h3 className="small muted">{t(label)}</h3>
              <ul className="mentoring-panel__people">
                {people.map((person) => (
                  <li key={person.id}>
                    <Link to={`/u/${person.handle}`} title={person.displayName}>
                      <Avatar user={person} size={28} label={person.displayName} />
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ),
      )}
    </section>
  );
}
