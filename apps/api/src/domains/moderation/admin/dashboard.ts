import type { TDashboard, TDashboardInput, TReportTargetKind, TViewer } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import type { ModerationDeps } from "../moderation-deps.js";
import { snapshotFromJson, targetLabel } from "../../safety/report-cases.js";

/**
 * Per UTC day of the last `days`: sign-ups, active people (ActiveDay), posts,
 * messages, reports opened and decided; and the most reported targets of the period.
 * Counted in the database in two statements, never from a process's memory.
 */
export async function dashboard(
  { db, now }: ModerationDeps,
  _viewer: TViewer,
  { days }: TDashboardInput,
): Promise<TDashboard> {
  const until = now();
  const rows = await db.$queryRaw<
    {
      day: string;
      signUps: number;
      active: number;
      posts: number;
      messages: number;
      reportsOpened: number;
      reportsDecided: number;
    }[]
  >`
    with days as (
      select generate_series((${until}::timestamptz at time zone 'UTC')::date - (${days}::int - 1),
                             (${until}::timestamptz at time zone 'UTC')::date, interval '1 day')::date as day
    ), per_day as (
      select ("createdAt" at time zone 'UTC')::date as day, 'signUps' as what from "User"
        where "createdAt" >= ${until}::timestamptz - ${days}::int * interval '1 day'
      union all select day, 'active' from "ActiveDay" where day > (${until}::timestamptz at time zone 'UTC')::date - ${days}::int
      union all select ("createdAt" at time zone 'UTC')::date, 'posts' from "Post"
        where "createdAt" >= ${until}::timestamptz - ${days}::int * interval '1 day'
      union all select ("createdAt" at time zone 'UTC')::date, 'messages' from "ChatMessage"
        where "createdAt" >= ${until}::timestamptz - ${days}::int * interval '1 day'
      union all select ("createdAt" at time zone 'UTC')::date, 'reportsOpened' from "Report"
        where "createdAt" >= ${until}::timestamptz - ${days}::int * interval '1 day'
      union all select ("decidedAt" at time zone 'UTC')::date, 'reportsDecided' from "Report"
        where "decidedAt" >= ${until}::timestamptz - ${days}::int * interval '1 day'
    )
    select to_char(d.day, 'YYYY-MM-DD') as day,
           count(p.*) filter (where p.what = 'signUps')::int as "signUps",
           count(p.*) filter (where p.what = 'active')::int as "active",
           count(p.*) filter (where p.what = 'posts')::int as "posts",
           count(p.*) filter (where p.what = 'messages')::int as "messages",
           count(p.*) filter (where p.what = 'reportsOpened')::int as "reportsOpened",
           count(p.*) filter (where p.what = 'reportsDecided')::int as "reportsDecided"
    from days d left join per_day p on p.day = d.day
    group by d.day order by d.day`;
  const [top, open] = await Promise.all([
    db.$queryRaw<{ kind: string; key: string; reports: number; snapshot: Prisma.JsonValue }[]>`
      select c."targetKind" as kind, c."targetKey" as key, count(r.*)::int as reports,
             (array_agg(r.snapshot order by r.id))[1] as snapshot
      from "Report" r join "ModerationCase" c on c.id = r."caseId"
      where r."createdAt" >= ${until}::timestamptz - ${days}::int * interval '1 day'
      group by c."targetKind", c."targetKey" order by reports desc, key limit 10`,
    db.moderationCase.count({ where: { status: "open" } }),
  ]);
  return {
    days: rows,
    mostReported: top.map((row) => ({
      target: {
        kind: row.kind as TReportTargetKind,
        key: row.key,
        label: targetLabel(row.kind, snapshotFromJson(row.snapshot)),
      },
      reports: row.reports,
    })),
    openCases: open,
  };
}
