import {
  AppError,
  MENTOR_PAGE_SIZE,
  serverMessages as m,
  type TFreeSlots,
  type TFreeSlotsInput,
  type TMentor,
  type TMentorDetail,
  type TMentorHits,
  type TMentorListInput,
  type TMentorPage,
  type TSearchInput,
  type TViewer,
} from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import { type Db } from "@orgo/db";
import { publicUserSelect } from "../users/public-user.js";
import { mentorVisibleSql, mentorVisibleWhere } from "../visibility/visibility.js";
import { freeStarts } from "./free-times.js";
import { blockedBetween, blockedWith } from "../social/blocks.js";
import { busyOf, languagesOf, openCounts } from "./mentoring-rows.js";
import { weeklySlotsOf } from "../../platform/time/weekly-sessions.js";

const profileSelect = {
  userId: true,
  active: true,
  paused: true,
  topics: true,
  languages: true,
  pitch: true,
  timeZone: true,
  slots: true,
  capacity: true,
  ratingSum: true,
  ratingCount: true,
  createdAt: true,
  user: { select: publicUserSelect },
} as const;
type ProfileRow = Prisma.MentorProfileGetPayload<{ select: typeof profileSelect }>;

/** Hashtags in a post's title or body (`#typescript`), as topics. */
const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_+-]{1,30})/gu;

/**
 * The mentor list, detail, free times and search. A mentor is someone whose "I mentor"
 * is on; people on either side of a block with the viewer never see each other here.
 */
export function createMentorDirectory({ db, now }: { db: Db; now: () => Date }) {
  /** The viewer's interests: tags of the studies they lead or joined, and hashtags of their latest posts. */
  async function interestsOf(viewer: TViewer | null): Promise<Set<string>> {
    if (!viewer) return new Set();
    const [studies, posts] = await Promise.all([
      db.study.findMany({
        where: {
          deletedAt: null,
          OR: [{ leaderId: viewer.userId }, { members: { some: { userId: viewer.userId } } }],
        },
        select: { tags: true },
      }),
      db.post.findMany({
        where: { authorId: viewer.userId, deletedAt: null },
        orderBy: { id: "desc" },
        take: 200,
        select: { title: true, body: true },
      }),
    ]);
    const interests = new Set(studies.flatMap((s) => s.tags));
    for (const post of posts) {
      for (const match of `${post.title}\n${post.body}`.matchAll(HASHTAG)) interests.add(match[1]!.toLowerCase());
    }
    return interests;
  }

  /** Everyone blocking the viewer or blocked by them. */
  const blockedWithViewer = (viewer: TViewer | null) => (viewer ? blockedWith(db, viewer.userId) : Promise.resolve([]));

  /** Cards for these profiles, with their open count, next free time and shared topics. */
  async function cards(rows: ProfileRow[], interests: Set<string>): Promise<TMentor[]> {
    const at = now();
    const ids = rows.map((r) => r.userId);
    const [open, busy] = await Promise.all([openCounts(db, ids, at), busyOf(db, ids, at)]);
    return rows.map((row) => {
      const openCount = open.get(row.userId) ?? 0;
      const accepting = row.active && !row.paused && openCount < row.capacity;
      const slots = weeklySlotsOf(row.slots);
      const next = accepting
        ? freeStarts({ slots, timeZone: row.timeZone }, busy.get(row.userId)!, at, 30)[0]
        : undefined;
      return {
        user: row.user,
        topics: row.topics,
        languages: languagesOf(row.languages),
        pitch: row.pitch,
        timeZone: row.timeZone,
        capacity: row.capacity,
        openCount,
        accepting,
        rating: {
          average: row.ratingCount ? Math.round((row.ratingSum / row.ratingCount) * 10) / 10 : null,
          count: row.ratingCount,
        },
        nextFreeSlot: next ?? null,
        sharedTopics: row.topics.filter((topic) => interests.has(topic)),
      };
    });
  }

  /** Relevance to the viewer first (shared topics), then rating, then how many rated. */
  const byRelevance = (a: TMentor, b: TMentor) =>
    b.sharedTopics.length - a.sharedTopics.length ||
    (b.rating.average ?? 0) - (a.rating.average ?? 0) ||
    b.rating.count - a.rating.count ||
    a.user.handle.localeCompare(b.user.handle);

  const weekAhead = () => new Date(now().getTime() + 7 * 24 * 3600_000);

  return {
    interestsOf,

    async list(input: TMentorListInput, viewer: TViewer | null): Promise<TMentorPage> {
      const hidden = await blockedWithViewer(viewer);
      const rows = await db.mentorProfile.findMany({
        where: {
          active: true,
          ...mentorVisibleWhere,
          ...(input.topic ? { topics: { has: input.topic } } : {}),
          ...(input.language ? { languages: { has: input.language } } : {}),
          ...(hidden.length ? { userId: { notIn: hidden } } : {}),
        },
        select: profileSelect,
      });
      let items = await cards(rows, await interestsOf(viewer));
      if (input.freeThisWeek) {
        const limit = weekAhead();
        items = items.filter((c) => c.accepting && c.nextFreeSlot !== null && c.nextFreeSlot < limit);
      }
      items.sort(byRelevance);
      const start = (input.page - 1) * MENTOR_PAGE_SIZE;
      return {
        items: items.slice(start, start + MENTOR_PAGE_SIZE),
        total: items.length,
        page: input.page,
        pageCount: Math.ceil(items.length / MENTOR_PAGE_SIZE),
      };
    },

    async byId(userId: string, viewer: TViewer | null): Promise<TMentorDetail> {
      const row = await db.mentorProfile.findUnique({
        where: { userId },
        select: { ...profileSelect, hiddenAt: true, user: { select: { ...publicUserSelect, contentHiddenAt: true } } },
      });
      const isMe = viewer?.userId === userId;
      const hidden = row !== null && (row.hiddenAt !== null || row.user.contentHiddenAt !== null);
      if (!row || ((!row.active || hidden) && !isMe)) throw new AppError("NOT_FOUND", m.noSuchMentor);
      if (viewer && !isMe && (await blockedBetween(db, viewer.userId, userId))) {
        throw new AppError("NOT_FOUND", m.noSuchMentor);
      }
      const [[card], reviews, open] = await Promise.all([
        cards([row], await interestsOf(viewer)),
        db.mentorMeeting.findMany({
          where: { mentorId: userId, ratingPublic: true, ratingComment: { not: null } },
          orderBy: { ratedAt: "desc" },
          take: 20,
          select: { rating: true, ratingComment: true, ratedAt: true, learner: { select: publicUserSelect } },
        }),
        viewer && !isMe
          ? db.mentorRequest.findFirst({
              where: { mentorId: userId, learnerId: viewer.userId, status: { in: ["open", "countered"] } },
              select: { id: true },
            })
          : null,
      ]);
      return {
        ...card!,
        slots: weeklySlotsOf(row.slots),
        reviews: reviews.map((r) => ({
          rating: r.rating!,
          comment: r.ratingComment!,
          learner: r.learner,
          ratedAt: r.ratedAt!,
        })),
        myOpenRequestId: open?.id ?? null,
      };
    },

    /** Topics offered by mentors who are on, most offered first. */
    async topics() {
      return db.$queryRaw<{ tag: string; count: number }[]>`
        select tag, count(*)::int as count
        from "MentorProfile" p, unnest(p.topics) as tag
        where p.active and ${mentorVisibleSql("p")}
        group by tag order by count desc, tag limit 30`;
    },

    async freeSlots(input: TFreeSlotsInput, viewer: TViewer | null): Promise<TFreeSlots> {
      const row = await db.mentorProfile.findUnique({
        where: { userId: input.mentorId },
        select: { active: true, timeZone: true, slots: true, hiddenAt: true },
      });
      if (!row?.active || (row.hiddenAt && viewer?.userId !== input.mentorId)) {
        throw new AppError("NOT_FOUND", m.noSuchMentor);
      }
      if (viewer && viewer.userId !== input.mentorId && (await blockedBetween(db, viewer.userId, input.mentorId))) {
        throw new AppError("NOT_FOUND", m.noSuchMentor);
      }
      const at = now();
      const busy = (await busyOf(db, [input.mentorId], at)).get(input.mentorId)!;
      return {
        timeZone: row.timeZone,
        starts: freeStarts({ slots: weeklySlotsOf(row.slots), timeZone: row.timeZone }, busy, at, input.lengthMinutes),
      };
    },

    /** Search's fourth kind: mentors who are on, by name, handle, topic or pitch. */
    async search(input: TSearchInput, viewer: TViewer | null): Promise<TMentorHits> {
      const ids = await matchingMentorIds(input.q, await blockedWithViewer(viewer));
      const rows = await db.mentorProfile.findMany({ where: { userId: { in: ids } }, select: profileSelect });
      const items = (await cards(rows, await interestsOf(viewer))).sort(byRelevance);
      const start = (input.page - 1) * input.limit;
      return { items: items.slice(start, start + input.limit), total: items.length };
    },

    async count(q: string, viewer: TViewer | null): Promise<number> {
      return (await matchingMentorIds(q, await blockedWithViewer(viewer))).length;
    },
  };

  async function matchingMentorIds(q: string, hidden: string[]): Promise<string[]> {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await db.$queryRaw<{ id: string }[]>`
      select p."userId"::text as id
      from "MentorProfile" p join "User" u on u.id = p."userId"
      where p.active and ${mentorVisibleSql("p")}
        and not (p."userId" = any(${hidden}::uuid[]))
        and (u.handle ilike ${pattern} or u."displayName" ilike ${pattern} or p.pitch ilike ${pattern}
             or exists (select 1 from unnest(p.topics) t where t ilike ${pattern}))
      limit 500`;
    return rows.map((r) => r.id);
  }
}

export type MentorDirectory = ReturnType<typeof createMentorDirectory>;
