import { useI18n } from "../i18n/i18n";
import "./list-skeleton.css";

/**
 * Items shaped like the list that is on its way, so the page has its shape before the
 * data and nothing jumps when it comes: rows (a picture, a name, two lines: posts,
 * notifications, conversations) or cards (studies, mentors, requests and meetings).
 * `layout` is the loaded list's own class, so the shapes sit in its grid, as many a
 * line as its items will. Announced once as "Loading…"; the shapes are hidden from
 * screen readers.
 */
export function ListSkeleton({
  rows = 6,
  avatar = true,
  shape = "row",
  layout,
}: {
  rows?: number;
  avatar?: boolean;
  shape?: "row" | "card";
  layout?: string;
}) {
  const { t } = useI18n();
  return (
    <div
      className={`skeleton-list skeleton-list--${shape}${layout ? ` ${layout}` : ""}`}
      role="status"
      aria-label={t("feed.loading")}
      data-testid="list-skeleton"
      data-shape={shape}
    >
      {Array.from({ length: rows }, (_, index) =>
        shape === "card" ? (
          <div key={index} className="skeleton-card card" aria-hidden>
            {avatar ? (
              <div className="skeleton-card__who">
                <span className="skeleton skeleton--avatar" />
                <span className="skeleton skeleton--line skeleton--mid" />
              </div>
            ) : (
              <span className="skeleton skeleton--badge" />
            )}
            <span className="skeleton skeleton--line skeleton--mid" />
            <span className="skeleton skeleton--line" />
            <span className="skeleton skeleton--line skeleton--short" />
          </div>
        ) : (
          <SkeletonRow key={index} avatar={avatar} />
        ),
      )}
    </div>
  );
}

/**
 * A page on its way (its code or who I am still loading): its header's title, then
 * rows, where the page's header and list will be.
 */
export function PageSkeleton() {
  const { t } = useI18n();
  return (
    <div className="page" role="status" aria-label={t("feed.loading")} data-testid="page-skeleton">
      <div className="page-header" aria-hidden>
        <span className="skeleton skeleton--title" />
      </div>
      <div aria-hidden>
        {Array.from({ length: 5 }, (_, index) => (
          <SkeletonRow key={index} avatar />
        ))}
      </div>
    </div>
  );
}

/** One row's shape: a picture (or not) and three lines. */
function SkeletonRow({ avatar }: { avatar: boolean }) {
  return (
    <div className={`skeleton-row${avatar ? "" : " skeleton-row--plain"}`} aria-hidden>
      {avatar && <span className="skeleton skeleton--avatar" />}
      <span className="skeleton skeleton--line skeleton--short" />
      <span className="skeleton skeleton--line" />
      <span className="skeleton skeleton--line skeleton--mid" />
    </div>
  );
}
