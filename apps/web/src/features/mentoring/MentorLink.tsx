import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import "./mentoring.css";

/** On a profile: "Mentor ★ 4.5", linking to their mentoring page, when they mentor. */
export function MentorLink({ userId }: { userId: string }) {
  const { t } = useI18n();
  // Not a mentor answers NOT_FOUND: nothing to show, nothing to retry.
  const mentor = trpc.mentoring.byId.useQuery({ userId }, { retry: false, staleTime: 60_000 });
  const m = mentor.data;
  // Shown while they take requests, and for as long as they have mentees or ratings.
  if (!m || (!m.accepting && !m.openCount && !m.rating.count)) return null;
  return (
    <Link to={`/mentors/${userId}`} className="badge badge--shared" data-testid="mentor-link">
      {m.rating.average === null ? t("mentors.profileLinkNew") : t("mentors.profileLink", { rating: m.rating.average })}
    </Link>
  );
}
