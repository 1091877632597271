import { AppError, channels, type PostService, type TPostSummary } from "@orgo/api-contract";
import { DEMO_USER_HANDLE, type Db } from "@orgo/db";
import type { EventBus } from "../events/event-bus.js";
import { liveStream } from "../events/live-stream.js";
import { postSummarySelect } from "./post.select.js";

/**
 * Held for the duration of a post-creating transaction so that post ids are
 * allocated in commit order; the new-posts stream relies on it (see liveStream).
 * Post creation is rare and short, so serialising it costs nothing visible.
 */
const POST_SEQUENCE_LOCK = 7_011_001;

export function createPostService({ db, bus }: { db: Db; bus: EventBus }): PostService {
  const visible = { deletedAt: null };

  return {
    async latest({ cursor, limit, authorHandle }) {
      // Keyset pagination on the primary key: page 1000 costs what page 1 costs
      // (with an author, on the [authorId, id] index).
      const rows = await db.post.findMany({
        where: {
          ...visible,
          ...(cursor ? { id: { lt: cursor } } : {}),
          ...(authorHandle ? { author: { handle: authorHandle } } : {}),
        },
        orderBy: { id: "desc" },
        take: limit + 1,
        select: postSummarySelect,
      });
      const page = rows.slice(0, limit);
      return {
        items: page,
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async createAsDemoUser(input) {
      const post = await db.$transaction(async (tx) => {
        const author = await tx.user.findUnique({ where: { handle: DEMO_USER_HANDLE }, select: { id: true } });
        if (!author) throw new AppError("NOT_FOUND", "The demo user is missing: run the seed");
        await tx.$executeRaw`select pg_advisory_xact_lock(${POST_SEQUENCE_LOCK})`;
        return tx.post.create({
          data: { authorId: author.id, title: input.title, body: input.body },
          select: postSummarySelect,
        });
      });
      await bus.publish(channels.posts, { v: 1, type: "post.created", data: post });
      return post;
    },

    streamCreated(afterId, signal) {
      return liveStream<TPostSummary>({
        bus,
        channel: channels.posts,
        select: (event) => (event.type === "post.created" ? event.data : null),
        catchUp: (after) =>
          db.post.findMany({
            where: { ...visible, id: { gt: after } },
            orderBy: { id: "asc" },
            take: 500,
            select: postSummarySelect,
          }),
        headId: async () => (await db.post.aggregate({ _max: { id: true } }))._max.id ?? 0,
        idOf: (post) => post.id,
        afterId,
        signal,
      });
    },
  };
}
