import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import { describeError } from "../i18n/describe-error";
import { useConnectionState } from "../lib/connection-state";
import { ListSkeleton } from "./ListSkeleton";

/**
 * What a list says when it has nothing to show: loading (rows shaped like the list), could not load (with the
 * reason and Retry; offline or unreachable while the connection is down, as it
 * will retry by itself on reconnect), or empty. Never "0 results" for a list that did not load.
 */
export function QueryState(props: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  empty: boolean;
  emptyText: string;
  errorText: string;
  /** How many rows the loading shape has (6). */
  skeletonRows?: number;
  /** The loading shape when the list is not rows (cards: a ListSkeleton of cards in the list's grid). */
  skeleton?: ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const connection = useConnectionState();
  const { query } = props;
  if (query.isPending) return props.skeleton ?? <ListSkeleton rows={props.skeletonRows} />;
  if (query.isError) {
    return (
      <div className="placeholder" role="alert" data-testid="query-error">
        <p>{props.errorText}</p>
        <p className="muted">
          {connection === "offline"
            ? t("state.offline")
            : connection === "reconnecting"
              ? t("state.unreachable")
              : describeError(query.error, i18n)}
        </p>
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t("feed.retry")}
        </button>
      </div>
    );
  }
  return props.empty ? <p className="placeholder">{props.emptyText}</p> : null;
}
