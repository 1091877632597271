import { Prisma } from "@orgo/db";

/**
 * The status of a study, derived in SQL so lists can filter and count by it: the
 * calendar day is taken in the study's own time zone, whatever the server's.
 *   ended        after the end date
 *   in_progress  from the start date
 *   closed       full, past the recruiting deadline, or closed by the leader
 *   recruiting   otherwise
 * `now` is a parameter so tests can stand at a day's boundary; neither the server's
 * nor the database session's time zone plays a part.
 */
export function statusSql(now: Date, study = Prisma.raw(`s`)): Prisma.Sql {
  const today = todaySql(now, study);
  return Prisma.sql`case
    when ${today} > ${study}."endsOn" then 'ended'
    when ${today} >= ${study}."startsOn" then 'in_progress'
    when ${study}."recruitingClosedAt" is not null
      or ${study}."memberCount" >= ${study}."capacity"
      or (${study}."recruitUntil" is not null and ${today} > ${study}."recruitUntil") then 'closed'
    else 'recruiting' end`;
}

/** The calendar day in the study's own time zone. */
function todaySql(now: Date, study: Prisma.Sql): Prisma.Sql {
  // An ISO string with its Z: a Date parameter reaches PostgreSQL without an offset
  // and would be read in the session's time zone.
  return Prisma.sql`((${now.toISOString()}::timestamptz at time zone ${study}."timeZone")::date)`;
}

/** Whether the study's recruiting deadline has passed (in its own time zone). */
export function pastDeadlineSql(now: Date, study = Prisma.raw(`s`)): Prisma.Sql {
  return Prisma.sql`(${study}."recruitUntil" is not null and ${todaySql(now, study)} > ${study}."recruitUntil")`;
}
