import type { TStudy } from "@orgo/api-contract/schemas";
import "./study-messages";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/messages";
import "./studies.css";

/**
 * A study's status in words: "Closed" only when nobody can get in; a study closed
 * only because it is full says that its waitlist is open.
 */
export function studyStatusKey(study: Pick<TStudy, "status" | "waitlistOpen">): MessageKey {
  return study.waitlistOpen ? "study.status.fullWaitlist" : `study.status.${study.status}`;
}

/** Status and seats, as every study card and page shows them. */
export function StudyBadges({ study }: { study: TStudy }) {
  const { t } = useI18n();
  return (
    <span className="study-badges">
      <span className={`badge badge--${study.waitlistOpen ? "full" : study.status}`} data-testid="study-status">
        {t(studyStatusKey(study))}
      </span>
      <span className="badge" data-testid="study-seats">
        {t("study.seats", { members: study.memberCount, capacity: study.capacity })}
      </span>
      {study.waitlistCount > 0 && <span className="badge">{t("study.waiting", { count: study.waitlistCount })}</span>}
      {study.requiresApproval && <span className="badge">{t("study.approval")}</span>}
    </span>
  );
}
