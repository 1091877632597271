import { Prisma } from "@orgo/db";
import { addJobSql } from "../../platform/jobs/job-queue.js";

/** The person's "unread messages" delay as SQL, from their setting (off never gets here). */
const delayOf = Prisma.sql`case u."unreadMail" when '1h' then interval '1 hour' else interval '15 minutes' end`;

/**
 * Each person here has messages unread since the given instant: their "unread
 * messages" mail is due that long after it (their setting), unless one is already
 * due sooner (the job's key keeps the earlier time). Only for people with the mail
 * on and a verified address. One statement for everyone, in the caller's transaction.
 */
export async function scheduleUnreadMail(tx: Prisma.TransactionClient, unreadSince: Map<string, Date>) {
  if (unreadSince.size === 0) return;
  const ids = [...unreadSince.keys()];
  const since = [...unreadSince.values()];
  await tx.$executeRaw`
    select ${addJobSql("mail:unread", Prisma.sql`json_build_object('userId', u.id)`, {
      runAtSql: Prisma.sql`waiting.since + ${delayOf}`,
      jobKeySql: Prisma.sql`'mail:unread:' || u.id::text`,
      jobKeyMode: "preserve_run_at",
    })}
    from unnest(${ids}::uuid[], ${since}::timestamptz[]) as waiting(id, since)
    join "User" u on u.id = waiting.id
    where u."unreadMail" <> 'off' and u."emailVerifiedAt" is not null and u.email is not null`;
}
