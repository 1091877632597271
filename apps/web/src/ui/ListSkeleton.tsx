import { useI18n } from "../i18n/i18n";
import "./list-skeleton.css";

/**
 * Rows shaped like the list that is on its way (a picture, a name, two lines), so the
 * page has its shape before the data and nothing jumps when it comes. Announced once
 * as "Loading…"; the shapes themselves are hidden from screen readers.
 */
export function ListSkeleton({ rows = 6, avatar = true }: { rows?: number; avatar?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="skeleton-list" role="status" aria-label={t("feed.loading")} data-testid="list-skeleton">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className={`skeleton-row${avatar ? "" : " skeleton-row--plain"}`} aria-hidden>
          {avatar && <span className="skeleton skeleton--avatar" />}
          <span className="skeleton skeleton--line skeleton--short" />
          <span className="skeleton skeleton--line" />
          <span className="skeleton skeleton--line skeleton--mid" />
        </div>
      ))}
    </div>
  );
}
