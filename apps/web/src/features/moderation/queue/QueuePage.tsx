import { useNavigate } from "react-router";
import { useUrlFilters } from "../../../lib/use-url-filters";
import { useIdParam } from "../../../lib/route-params";
import type { TCaseSummary } from "@orgo/api-contract/schemas";
import { useI18n } from "../../../i18n/i18n";
import type { MessageKey } from "../../../i18n/messages";
import { trpc } from "../../../lib/trpc";
import { historyFor, useRovingList, type SelectHow } from "../../../lib/use-roving-list";
import { LoadMore } from "../../../ui/LoadMore";
import { QueryState } from "../../../ui/QueryState";
import { RelativeTime } from "../../../ui/RelativeTime";
import { SplitView } from "../../../ui/SplitView";
import { useIsStaff, useStanding } from "../use-standing";
import { CaseDetail } from "./CaseDetail";
import { useLiveQueue } from "./use-live-queue";
import "../moderation.css";
import "../moderation-messages";
import { SelectHint } from "../../../ui/SelectHint";
import { PageHeader } from "../../../ui/PageHeader";

/**
 * /moderation and /moderation/cases/<id>: the review queue, for moderators. Reports
 * are grouped per target into cases (appeals are cases too), newest activity first,
 * live; the open case beside the list. j / k move and open, as in every section.
 */
export function QueuePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const standing = useStanding();
  const staff = useIsStaff();
  const openId = useIdParam("caseId");
  const { params, setParams, oneOf } = useUrlFilters();
  const status = oneOf("status", ["decided"]) ?? "open";
  const queue = trpc.moderation.queue.useInfiniteQuery(
    { status, limit: 30 },
    { getNextPageParam: (page) => page.nextCursor, enabled: staff },
  );
  useLiveQueue(staff);
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const open = (id: number, how: SelectHow) =>
    void navigate({ pathname: `/moderation/cases/${id}`, search: params.toString() }, historyFor(how, openId !== null));
  const roving = useRovingList({ ids: items.map((c) => c.id), selected: openId, onSelect: open });

  if (standing.isPending) return null;
  if (!staff) return <p className="page placeholder">{t("queue.forbidden")}</p>;
  return (
    <SplitView
      id="moderation"
      listSize={38}
      showDetail={openId !== null}
      back={{
        label: t("queue.title"),
        onBack: () => void navigate({ pathname: "/moderation", search: params.toString() }),
      }}
      detail={
        <div className="pane__scroll">
          {openId === null ? (
            <SelectHint count={items.length} text={t("queue.selectHint")} />
          ) : (
            <CaseDetail key={openId} caseId={openId} />
          )}
        </div>
      }
      list={
        <>
          <PageHeader title={t("queue.title")} />
          <div className="pane__scroll page">
            <div className="tabs" role="tablist" aria-label={t("queue.title")}>
              {(["open", "decided"] as const).map((choice) => (
                <button
                  key={choice}
                  type="button"
                  role="tab"
                  aria-selected={status === choice}
                  onClick={() => setParams(choice === "open" ? {} : { status: choice })}
                >
                  {t(`queue.status.${choice}`)}
                </button>
              ))}
            </div>
            <QueryState
              query={queue}
              empty={items.length === 0}
              emptyText={t(status === "open" ? "queue.empty" : "queue.emptyDecided")}
              errorText={t("queue.loadError")}
            />
            <ul className="list" data-testid="queue" aria-label={t("queue.title")} {...roving.listProps}>
              {items.map((kase) => (
                <CaseRow
                  key={kase.id}
                  kase={kase}
                  selected={kase.id === roving.active}
                  open={kase.id === openId}
                  rowProps={roving.rowProps(kase.id)}
                />
              ))}
            </ul>
            <LoadMore query={queue} />
          </div>
        </>
      }
    />
  );
}

function CaseRow(props: {
  kase: TCaseSummary;
  selected: boolean;
  open: boolean;
  rowProps: ReturnType<ReturnType<typeof useRovingList<number>>["rowProps"]>;
}) {
  const { t } = useI18n();
  const { kase } = props;
  return (
    <li
      className={`list__item case-row${props.selected ? " is-selected" : ""}${props.open ? " is-open" : ""}`}
      {...props.rowProps}
    >
      <div className="list__meta">
        <span className="badge">{t(`target.${kase.target.kind}` as MessageKey)}</span>
        {kase.kind === "appeal" && <span className="badge badge--hidden">{t("queue.appeal")}</span>}
        {kase.owner && <span className="muted">@{kase.owner.handle}</span>}
        <RelativeTime className="muted" date={kase.lastReportAt} />
      </div>
      <div className="list__title">{kase.target.label || "—"}</div>
      <div className="case-row__reasons small">
        {kase.kind === "reports" && <span>{t("queue.reports", { count: kase.reportCount })}</span>}
        {kase.reasons.map((r) => (
          <span key={r.reason} className="case-row__reason">
            {t(`report.reason.${r.reason}`)}
            {r.count > 1 && ` ×${r.count}`}
          </span>
        ))}
        {kase.claimedBy && <span className="muted">{t("queue.takenBy", { name: kase.claimedBy.displayName })}</span>}
      </div>
    </li>
  );
}
