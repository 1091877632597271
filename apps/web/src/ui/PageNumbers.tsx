import { useI18n } from "../i18n/i18n";

/** Numbered pages of a list (shown only when there is more than one). */
export function PageNumbers({
  page,
  pageCount,
  onPage,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label={t("search.pages")}>
      {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
        <button
          key={n}
          type="button"
          className={`button${n === page ? " button--primary" : ""}`}
          aria-current={n === page ? "page" : undefined}
          onClick={() => onPage(n)}
        >
          {n}
        </button>
      ))}
    </nav>
  );
}
