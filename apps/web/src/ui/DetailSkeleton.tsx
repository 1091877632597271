import { useI18n } from "../i18n/i18n";
import "./detail-skeleton.css";

/**
 * An item on its way beside a list: a title, a byline and a few lines of text.
 * `bodyOnly`: the lines alone, under a title already shown (a post opened from its
 * list row, whose body follows).
 */
export function DetailSkeleton({ bodyOnly = false }: { bodyOnly?: boolean }) {
  const { t } = useI18n();
  return (
    <div
      className="skeleton-detail"
      role="status"
      aria-label={t("feed.loading")}
      data-testid={bodyOnly ? "body-skeleton" : "detail-skeleton"}
    >
      {!bodyOnly && <span className="skeleton skeleton--title" aria-hidden />}
      {!bodyOnly && <span className="skeleton skeleton--line skeleton--short" aria-hidden />}
      <span className="skeleton skeleton--line" aria-hidden />
      <span className="skeleton skeleton--line" aria-hidden />
      <span className="skeleton skeleton--line skeleton--mid" aria-hidden />
    </div>
  );
}
