import { Prisma } from "@orgo/db";
import { addJobSql } from "../../platform/jobs/job-queue.js";

/** The person's "unread messages" delay as SQL, from their setting (off never gets here). */
const delayOf = Prisma.sql`case u."unreadMail" when '1h' then interval '1 hour' else interval '15 minutes' end`;

/**
 * Each person here has messages unread since the given instant: their "unread
 * messages" mail is due that long after it (their setting), unless one is already
 * due sooner (the job's key keeps the earlier time). Only for people with the mail
 * on and a verified address. Runs in the caller's transaction.
 */
export async function scheduleUnreadMail(tx: Prisma.TransactionClient, unreadSince: Map<string, Date>) {
  for (const [userId, since] of unreadSince) {
    await tx.$executeRaw`
      select ${addJobSql("mail:unread", Prisma.sql`json_build_object('userId', u.id)`, {
        runAtSql: Prisma.sql`${since}::timestamptz + ${delayOf}`,
        jobKey: `mail:unread:${userId}`,
        jobKeyMode: "preserve_run_at",
      })}
      from "User" u
      where u.id = ${userId}::uuid and u."unreadMail" <> 'off' and u."emailVerifiedAt" is not null and u.email is not null`;
  }
}
