import { Link } from "react-router";
import type { TMyReport } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/messages";
import { trpc } from "../../lib/trpc";
import { LoadMore } from "../../ui/LoadMore";
import { RelativeTime } from "../../ui/RelativeTime";
import { useStanding } from "./use-standing";
import { targetPath } from "./target-kind";
import "./moderation-messages";
import "./moderation.css";

/**
 * Settings → My reports: what I reported and what became of it ("received", "action
 * taken", "no action needed"; never what was done to whom), and my account's level:
 * what a new account may do yet, and when that changes.
 */
export function MyReportsSection() {
  const { t, formatDate } = useI18n();
  const reports = trpc.moderation.myReports.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const standing = useStanding();
  const items = reports.data?.pages.flatMap((page) => page.items) ?? [];
  const trust = standing.data?.trust;
  return (
    <section className="choice" aria-labelledby="reports-title">
      <h2 id="reports-title" className="section-title">
        {t("settings.reports")}
      </h2>
      {trust && (
        <p className="small" data-testid="trust-level">
          <span className="muted">{t("reports.standing")}</span> {t(`reports.level.${trust.level}`)}
          {trust.nextLevelAt && <> {t("reports.nextLevel", { when: formatDate(trust.nextLevelAt) })}</>}
        </p>
      )}
      <p className="muted small">{t("reports.intro")}</p>
      {reports.isSuccess && items.length === 0 && <p className="muted small">{t("reports.empty")}</p>}
      <ul className="sessions" data-testid="my-reports">
        {items.map((report) => (
          <ReportRow key={report.id} report={report} />
        ))}
      </ul>
      <LoadMore query={reports} />
    </section>
  );
}

function ReportRow({ report }: { report: TMyReport }) {
  const { t } = useI18n();
  const path = targetPath(report.target);
  const label = report.target.label || t("reports.gone");
  return (
    <li className="sessions__row my-report">
      <div>
        <div className="small muted">
          {t(`target.${report.target.kind}` as MessageKey)} · {t(`report.reason.${report.reason}`)} ·{" "}
          <RelativeTime date={report.createdAt} />
        </div>
        <div>{path && report.target.label ? <Link to={path}>{label}</Link> : label}</div>
      </div>
      <span className={`badge report-state report-state--${report.state}`}>{t(`reports.state.${report.state}`)}</span>
    </li>
  );
}
