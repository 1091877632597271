import { useState } from "react";
import { Link } from "react-router";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TDashboard } from "@orgo/api-contract/schemas";
import { useI18n } from "../../../i18n/i18n";
import type { MessageKey } from "../../../i18n/messages";
import { trpc } from "../../../lib/trpc";
import { QueryState } from "../../../ui/QueryState";
import { targetPath } from "../target-kind";
import "../moderation.css";

type Day = TDashboard["days"][number];
type Series = Exclude<keyof Day, "day">;

/** Three charts, each two series of the same scale. Colours are CSS variables (moderation.css), so both themes fit. */
const charts: { title: MessageKey; series: [Series, Series] }[] = [
  { title: "admin.chart.people", series: ["signUps", "active"] },
  { title: "admin.chart.content", series: ["posts", "messages"] },
  { title: "admin.chart.reports", series: ["reportsOpened", "reportsDecided"] },
];
const allSeries: Series[] = charts.flatMap((chart) => chart.series);
const ranges = [7, 30, 90] as const;

/**
 * Admin → Dashboard: per day (UTC), sign-ups, active people, posts, messages,
 * reports opened and decided, as charts and as a table (what a screen reader or a
 * copy into a spreadsheet needs); the most reported targets; the open cases. Every
 * number comes from the database.
 */
export function Dashboard() {
  const { t } = useI18n();
  const [days, setDays] = useState<(typeof ranges)[number]>(30);
  const dashboard = trpc.admin.dashboard.useQuery({ days }, { placeholderData: (previous) => previous });
  const data = dashboard.data;
  return (
    <div className="dashboard" data-testid="dashboard">
      <div className="dashboard__bar">
        <div className="tabs" role="tablist" aria-label={t("admin.range")}>
          {ranges.map((range) => (
            <button key={range} type="button" role="tab" aria-selected={days === range} onClick={() => setDays(range)}>
              {t("admin.lastDays", { days: range })}
            </button>
          ))}
        </div>
        {data && (
          <Link to="/moderation" className="dashboard__open">
            {t("admin.openCases")}: <strong data-testid="open-cases">{data.openCases}</strong>
          </Link>
        )}
      </div>
      <QueryState query={dashboard} empty={false} emptyText="" errorText={t("feed.error")} skeletonRows={3} />
      {data && (
        <>
          <div className="dashboard__charts">
            {charts.map((chart) => (
              <Chart key={chart.title} title={t(chart.title)} series={chart.series} days={data.days} />
            ))}
          </div>
          <MostReported items={data.mostReported} />
          <DayTable days={data.days} />
        </>
      )}
    </div>
  );
}

function Chart({ title, series, days }: { title: string; series: [Series, Series]; days: Day[] }) {
  const { t } = useI18n();
  return (
    <figure className="dashboard__chart">
      <figcaption>{title}</figcaption>
      {/* The table below carries the same numbers for screen readers. */}
      <div aria-hidden>
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={days} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} stroke="var(--muted)" fontSize={11} />
            <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={11} />
            <Tooltip
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8 }}
              labelStyle={{ color: "var(--text)" }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((key) => (
              <Line
                key={key}
                type="monotone"
                dataKey={key}
                name={t(`admin.series.${key}`)}
                stroke={`var(--series-${key})`}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

function MostReported({ items }: { items: TDashboard["mostReported"] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="most-reported-title" className="dashboard__section">
      <h2 id="most-reported-title" className="section-title">
        {t("admin.mostReported")}
      </h2>
      {items.length === 0 ? (
        <p className="muted small">{t("admin.noReports")}</p>
      ) : (
        <ol className="dashboard__reported" data-testid="most-reported">
          {items.map(({ target, reports }) => {
            const path = targetPath(target);
            return (
              <li key={`${target.kind}:${target.key}`}>
                <span className="badge">{t(`target.${target.kind}` as MessageKey)}</span>{" "}
                {path ? <Link to={path}>{target.label || "—"}</Link> : target.label || "—"}{" "}
                <span className="muted">· {t("queue.reports", { count: reports })}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function DayTable({ days }: { days: Day[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="per-day-title" className="dashboard__section">
      <h2 id="per-day-title" className="section-title">
        {t("admin.perDay")}
      </h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="per-day">
          <thead>
            <tr>
              <th scope="col">{t("admin.day")}</th>
              {allSeries.map((key) => (
                <th key={key} scope="col" className="num">
                  {t(`admin.series.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...days].reverse().map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                {allSeries.map((key) => (
                  <td key={key} className="num">
                    {day[key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
