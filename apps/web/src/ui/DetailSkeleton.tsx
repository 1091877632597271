import { useI18n } from "../i18n/i18n";

/** An item on its way beside a list: a title, a byline and a few lines of text. */
export function DetailSkeleton() {
  const { t } = useI18n();
  return (
    <div className="skeleton-detail" role="status" aria-label={t("feed.loading")} data-testid="detail-skeleton">
      <span className="skeleton skeleton--title" aria-hidden />
      <span className="skeleton skeleton--line skeleton--short" aria-hidden />
      <span className="skeleton skeleton--line" aria-hidden />
      <span className="skeleton skeleton--line" aria-hidden />
      <span className="skeleton skeleton--line skeleton--mid" aria-hidden />
    </div>
  );
}
