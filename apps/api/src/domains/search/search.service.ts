import type { TSearchKind, TStudy, TViewer } from "@orgo/api-contract";
import type { SearchService } from "@orgo/api-contract/server";
import type { MentorDirectory } from "../mentoring/mentor-directory.js";
import { Prisma, type Db } from "@orgo/db";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import { enforce, limits } from "../../platform/rate-limit/limits.js";
import { dayKey } from "../notifications/notify.js";
import { postSummarySelect, toPostSummary } from "../posts/post.select.js";
import { publicUserSelect } from "../users/public-user.js";
import { postVisibleSql, studyVisibleSql } from "../visibility/visibility.js";
import { escapeLike, likePattern, snippetOf } from "../../platform/text-match.js";

const TRENDING_DAYS = 7;

/** A study matches on its title and description (trigram index) or one of its tags. */
function studyMatch(pattern: string, viewer: TViewer | null): Prisma.Sql {
  return Prisma.sql`${studyVisibleSql("s", viewer?.userId ?? null)} and (lower(s."title" || ' ' || s."description") like ${pattern}
    or exists (select 1 from unnest(s.tags) t where t like ${pattern}))`;
}

/**
 * Case-insensitive substring search over lower-cased text, served by the pg_trgm
 * GIN indexes of the `community` migration (see docs/search.md for the plans).
 * Ranked: matches in the title (or handle) first, then by trigram similarity.
 */
export function createSearchService({
  db,
  storage,
  limiter,
  studies,
  mentors,
}: {
  db: Db;
  storage: FileStorage;
  limiter: RateLimiter;
  /** Studies render through their own service (status, seats, my place). */
  studies: { byIds(ids: number[], viewer: TViewer | null): Promise<TStudy[]> };
  /** Mentors render as the Mentors section's cards (free time, rating, shared topics). */
  mentors: Pick<MentorDirectory, "search" | "count">;
}): SearchService {
  /** One counter per kind; a new kind (studies) adds its own line. */
  const counters: Record<TSearchKind, (pattern: string, q: string, viewer: TViewer | null) => Promise<number>> = {
    posts: async (pattern, _q, viewer) =>
      Number(
        (
          await db.$queryRaw<{ n: bigint }[]>`
            select count(*) as n from "Post" p
            where ${postVisibleSql("p", viewer?.userId ?? null)} and lower(p."title" || ' ' || p."body") like ${pattern}`
        )[0]?.n ?? 0,
      ),
    people: async (pattern) =>
      Number(
        (
          await db.$queryRaw<{ n: bigint }[]>`
            select count(*) as n from "User" where lower("handle" || ' ' || "displayName") like ${pattern}`
        )[0]?.n ?? 0,
      ),
    studies: async (pattern, _q, viewer) =>
      Number(
        (
          await db.$queryRaw<{ n: bigint }[]>`
            select count(*) as n from "Study" s where ${studyMatch(pattern, viewer)}`
        )[0]?.n ?? 0,
      ),
    // Mentors a viewer can see depend on their blocks: counted by the directory.
    mentors: (_pattern, q, viewer) => mentors.count(q, viewer),
  };

  return {
    async posts({ q, page, limit }, viewer) {
      const pattern = likePattern(q);
      const [ranked, total] = await Promise.all([
        db.$queryRaw<{ id: number }[]>`
          select p.id from "Post" p
          where ${postVisibleSql("p", viewer?.userId ?? null)} and lower(p."title" || ' ' || p."body") like ${pattern}
          order by (lower(p."title") like ${pattern}) desc,
                   similarity(lower(p."title" || ' ' || p."body"), ${q}) desc,
                   p.id desc
          limit ${limit} offset ${(page - 1) * limit}`,
        counters.posts(pattern, q, viewer),
      ]);
      const ids = ranked.map((r) => r.id);
      const rows = ids.length
        ? await db.post.findMany({ where: { id: { in: ids } }, select: postSummarySelect(viewer?.userId ?? null) })
        : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      const items = ids.flatMap((id) => {
        const row = byId.get(id);
        if (!row) return [];
        const { hidden: _hidden, ...post } = toPostSummary(row, storage);
        return [{ ...post, snippet: snippetOf(row.body, q) }];
      });
      return { items, total };
    },

    async people({ q, page, limit }) {
      const pattern = likePattern(q);
      const [ranked, total] = await Promise.all([
        db.$queryRaw<{ id: string }[]>`
          select id from "User"
          where lower("handle" || ' ' || "displayName") like ${pattern}
          order by ("handle" = ${q}) desc,
                   ("handle" like ${`${escapeLike(q)}%`}) desc,
                   similarity(lower("handle" || ' ' || "displayName"), ${q}) desc,
                   "followerCount" desc, id
          limit ${limit} offset ${(page - 1) * limit}`,
        counters.people(pattern, q, null),
      ]);
      const ids = ranked.map((r) => r.id);
      const rows = ids.length
        ? await db.user.findMany({ where: { id: { in: ids } }, select: { ...publicUserSelect, bio: true } })
        : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return { items: ids.flatMap((id) => byId.get(id) ?? []), total };
    },

    async studies({ q, page, limit }, viewer) {
      const pattern = likePattern(q);
      const [ranked, total] = await Promise.all([
        db.$queryRaw<{ id: number }[]>`
          select s.id from "Study" s where ${studyMatch(pattern, viewer)}
          order by (lower(s."title") like ${pattern}) desc,
                   similarity(lower(s."title" || ' ' || s."description"), ${q}) desc, s.id desc
          limit ${limit} offset ${(page - 1) * limit}`,
        counters.studies(pattern, q, viewer),
      ]);
      return {
        items: await studies.byIds(
          ranked.map((r) => r.id),
          viewer,
        ),
        total,
      };
    },

    mentors: (input, viewer) => mentors.search(input, viewer),

    async counts(q, viewer) {
      const pattern = likePattern(q);
      const kinds = Object.keys(counters) as TSearchKind[];
      const values = await Promise.all(kinds.map((kind) => counters[kind](pattern, q, viewer)));
      return Object.fromEntries(kinds.map((kind, i) => [kind, values[i]!])) as Record<TSearchKind, number>;
    },

    async record(q, device) {
      // Trending must not be one person pressing Enter all day.
      await enforce(limiter, [[`search-log:ip:${device.ip}`, limits.searchLogPerIp]]);
      await db.$executeRaw`
        insert into "SearchTermDay" ("term", "day", "count") values (${q}, ${dayKey(new Date())}::date, 1)
        on conflict ("term", "day") do update set "count" = "SearchTermDay"."count" + 1`;
    },

    async trending() {
      const rows = await db.$queryRaw<{ term: string; count: bigint }[]>`
        select "term", sum("count") as count from "SearchTermDay"
        where "day" > current_date - ${TRENDING_DAYS}::int
        group by "term" order by count desc, "term" limit 10`;
      return rows.map((r) => ({ term: r.term, count: Number(r.count) }));
    },
  };
}
