import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n";
import "./load-more.css";

/**
 * The end of a growing list: the next page loads by itself as the reader scrolls near
 * it (400 px ahead), and the button stays for the keyboard and for a failed load.
 */
export function LoadMore(props: {
  query: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isFetchNextPageError?: boolean;
    fetchNextPage: () => unknown;
  };
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLButtonElement>(null);
  const { query } = props;
  const { fetchNextPage } = query;
  const more = query.hasNextPage && !query.isFetchingNextPage && !query.isFetchNextPageError;
  useEffect(() => {
    const button = ref.current;
    if (!button || !more) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void fetchNextPage();
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(button);
    return () => observer.disconnect();
  }, [more, fetchNextPage]);
  if (!query.hasNextPage) return null;
  return (
    <button
      ref={ref}
      type="button"
      className="button button--ghost list__more"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? t("feed.loading") : t("feed.loadMore")}
    </button>
  );
}
