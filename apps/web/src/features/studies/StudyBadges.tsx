import type { TStudy } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";

/** Status and seats, as every study card and page shows them. */
export function StudyBadges({ study }: { study: TStudy }) {
  const { t } = useI18n();
  return (
    <span className="study-badges">
      <span className={`badge badge--${study.status}`} data-testid="study-status">
        {t(`study.status.${study.status}`)}
      </span>
      <span className="badge" data-testid="study-seats">
        {t("study.seats", { members: study.memberCount, capacity: study.capacity })}
      </span>
      {study.waitlistCount > 0 && <span className="badge">{t("study.waiting", { count: study.waitlistCount })}</span>}
      {study.requiresApproval && <span className="badge">{t("study.approval")}</span>}
    </span>
  );
}
