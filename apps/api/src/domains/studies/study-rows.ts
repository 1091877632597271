import type { TStudy, TStudyStatus, TViewer } from "@orgo/api-contract";
import { publicUserSelect } from "../users/public-user.js";
import { nobody, type StudyDeps } from "./study-deps.js";
import { pastDeadlineSql, statusSql } from "./study-status.js";
import { isOnlyFull } from "./locked-study.js";
import { studyVisibleWhere } from "../visibility/visibility.js";
import { moderationMarks } from "../safety/moderation-marks.js";
import { weeklySlotsOf } from "../../platform/time/weekly-sessions.js";
import { nextSession } from "./study-sessions.js";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** Studies by id, in that order (deleted ones left out), as `viewer` sees them: three queries whatever their number. */
export async function loadStudies(deps: StudyDeps, ids: number[], viewer: TViewer | null): Promise<TStudy[]> {
  if (ids.length === 0) return [];
  const { db, now } = deps;
  const me = viewer?.userId ?? nobody;
  const [statuses, rows] = await Promise.all([
    db.$queryRaw<{ id: number; status: string; pastDeadline: boolean }[]>`
      select s.id, ${statusSql(now())} as status, ${pastDeadlineSql(now())} as "pastDeadline"
      from "Study" s where s.id = any(${ids})`,
    db.study.findMany({
      where: { id: { in: ids }, ...studyVisibleWhere(viewer?.userId ?? null) },
      include: {
        leader: { select: publicUserSelect },
        _count: { select: { waitlist: true } },
        members: { where: { userId: me }, select: { userId: true } },
        waitlist: { where: { userId: me }, select: { id: true } },
        requests: { where: { userId: me }, select: { userId: true } },
      },
    }),
  ]);
  const statusOf = new Map(
    statuses.map((s) => [s.id, { status: s.status as TStudyStatus, pastDeadline: s.pastDeadline }]),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const marks = await moderationMarks(
    db,
    "study",
    rows.filter((r) => r.hiddenAt && r.leaderId === me).map((r) => String(r.id)),
  );
  const positions = await waitlistPositions(
    deps,
    rows.flatMap((r) => r.waitlist.map((w) => ({ studyId: r.id, id: w.id }))),
  );
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const role =
      row.leaderId === me
        ? "leader"
        : row.members.length
          ? "member"
          : row.waitlist.length
            ? "waitlisted"
            : row.requests.length
              ? "requested"
              : "none";
    const schedule = weeklySlotsOf(row.schedule);
    const days = { startsOn: day(row.startsOn)!, endsOn: day(row.endsOn)! };
    return [
      {
        id: row.id,
        title: row.title,
        description: row.description,
        ...days,
        recruitUntil: day(row.recruitUntil),
        online: row.online,
        location: row.location,
        capacity: row.capacity,
        memberCount: row.memberCount,
        waitlistCount: row._count.waitlist,
        tags: row.tags,
        timeZone: row.timeZone,
        requiresApproval: row.requiresApproval,
        schedule,
        nextSession: nextSession({ ...days, schedule, timeZone: row.timeZone }, now()),
        status: statusOf.get(id)!.status,
        // The same rule a join follows to offer the waitlist.
        waitlistOpen: isOnlyFull({ ...row, ...statusOf.get(id)! }),
        leader: row.leader,
        me: { role, waitlistPosition: positions.get(id) ?? null },
        moderation: row.hiddenAt && role === "leader" ? (marks.get(String(id)) ?? null) : null,
      } satisfies TStudy,
    ];
  });
}

/** 1-based place in line of each of the viewer's waitlist entries: one query. */
async function waitlistPositions(
  { db }: StudyDeps,
  entries: { studyId: number; id: number }[],
): Promise<Map<number, number>> {
  if (entries.length === 0) return new Map();
  const rows = await db.$queryRaw<{ studyId: number; position: bigint }[]>`
    select mine.s as "studyId",
           (select count(*) from "StudyWaitlistEntry" e where e."studyId" = mine.s and e.id <= mine.i) as position
    from unnest(${entries.map((x) => x.studyId)}::int[], ${entries.map((x) => x.id)}::int[]) as mine(s, i)`;
  return new Map(rows.map((r) => [r.studyId, Number(r.position)]));
}

/** A study's one answer after a change. */
export async function loadStudy(deps: StudyDeps, id: number, viewer: TViewer | null): Promise<TStudy> {
  return (await loadStudies(deps, [id], viewer))[0]!;
}
