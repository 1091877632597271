import { Link } from "react-router";
import type { TModerationMark } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import "./on-content.css";

/**
 * What the author of hidden content sees on it (nobody else sees it at all): hidden
 * by moderators, with their reason and a way to the decision (and the appeal); or
 * held for review because of a watched word.
 */
export function ModerationNote({ mark, compact = false }: { mark: TModerationMark; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={`moderation-note${compact ? " moderation-note--compact" : ""}`} role="note">
      <span>
        {mark.heldForReview ? t("moderation.heldBanner") : t("moderation.hiddenBanner", { reason: mark.reason })}
      </span>
      {mark.decisionId !== null && (
        <Link to={`/decisions/${mark.decisionId}`} className="button button--link small">
          {t("moderation.seeDecision")}
        </Link>
      )}
    </div>
  );
}
