import { createHash } from "node:crypto";
import {
  AppError,
  channels,
  plainExcerpt,
  serverMessages as m,
  type TFeedInput,
  type TEventEnvelope,
  type TPostChange,
  type TPostDeleted,
  type TPost,
  type TPostSummary,
  type TViewer,
} from "@orgo/api-contract";
import type { PostService } from "@orgo/api-contract/server";
import type { Db, Prisma } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import { itemPerEvent, liveFeed } from "../../platform/live/live-stream.js";
import { signalFeed } from "../../platform/live/signal-feed.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { dayKey, groupKeys, notify } from "../notifications/notify.js";
import { publishNotifications } from "../notifications/notification.service.js";
import { notifyMentions } from "../notifications/mentions.js";
import { publishPostChanged, publishPostDeleted } from "./post-events.js";
import { postSummarySelect, summaryOf, toPost, toPostSummary } from "./post.select.js";
import { readFeedPage } from "./feed-query.js";
import { dropUploads, setPostImages } from "./post-images.js";
import { orderedFilesSelect, setPostFiles, toFiles } from "./shared-files.js";
import { withModerationMarks } from "./post-marks.js";
import { postVisibleWhere } from "../visibility/visibility.js";
import type { ContentGuard } from "../safety/content-guard.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import { enforce } from "../../platform/rate-limit/limits.js";

/**
 * Held for the duration of a post-creating transaction so that post ids are
 * allocated in commit order; the new-posts stream relies on it (see liveStream).
 * Post creation is rare and short, so serialising it costs nothing visible.
 */
const POST_SEQUENCE_LOCK = 7_011_001;
const RECOMMENDED_WINDOW_MS = 7 * 24 * 3600_000;

/** Live to everyone (the stream and counts are shared by every viewer). */
const visible = postVisibleWhere(null);
/** Like, unlike, like… on one post: a loop past this is refused (its author is told once anyway). */
const LIKE_TOGGLES = { limit: 20, windowMs: 3600_000 };

/** A post's mentions: in its title or its body. */
const mentionOf = (viewer: TViewer, postId: number, post: { title: string; body: string }) => ({
  text: `${post.title}\n\n${post.body}`,
  actorId: viewer.userId,
  groupKey: groupKeys.mention("post", postId),
  postId,
});

const deletedItem = itemPerEvent<TPostDeleted>();
const deletedSignal = (event: TEventEnvelope) =>
  event.type === "post.deleted" ? deletedItem(event, () => ({ postId: event.data.postId })) : null;

const changeItem = itemPerEvent<TPostChange>();
const changeSignal = (event: TEventEnvelope) =>
  event.type === "post.changed"
    ? changeItem(event, () => ({ kind: "counts", ...event.data }))
    : event.type === "post.deleted"
      ? changeItem(event, () => ({ kind: "deleted", postId: event.data.postId }))
      : null;

function cursorOf(kind: TFeedInput["kind"], post: TPostSummary): string {
  return kind === "popular" ? `${post.likeCount}.${post.id}` : String(post.id);
}

/** Posts read per catch-up query of the live stream. */
const CATCH_UP_PAGE = 50;

export function createPostService({
  db,
  bus,
  storage,
  limiter,
  guard,
}: {
  db: Db;
  bus: EventBus;
  storage: FileStorage;
  limiter: RateLimiter;
  guard: ContentGuard;
}): PostService {
  const summary = (row: Parameters<typeof toPostSummary>[0]) => toPostSummary(row, storage);

  async function load(id: number, viewer: TViewer | null): Promise<TPost> {
    const row = await db.post.findFirst({
      where: { id, ...postVisibleWhere(viewer?.userId ?? null) },
      select: postSummarySelect(viewer?.userId ?? null),
    });
    if (!row) {
      // Honest about why: a post moderators hid is not "deleted".
      const hidden = await db.post.count({ where: { id, deletedAt: null, hiddenAt: { not: null } } });
      throw new AppError("NOT_FOUND", hidden ? m.hiddenByModerators : m.noSuchPost);
    }
    const files = await db.postFile.findMany({ where: { postId: id }, ...orderedFilesSelect });
    const [post] = await withModerationMarks(db, [toPost(row, toFiles(files, storage), storage)], viewer);
    return post!;
  }

  /** Locks the post row and checks it is live and the viewer's; answers nothing else. */
  async function lockOwnPost(tx: Prisma.TransactionClient, viewer: TViewer, id: number) {
    const [row] = await tx.$queryRaw<{ authorId: string; deletedAt: Date | null }[]>`
      select "authorId", "deletedAt" from "Post" where id = ${id} for update`;
    if (!row || row.deletedAt) throw new AppError("NOT_FOUND", m.noSuchPost);
    if (row.authorId !== viewer.userId) throw new AppError("FORBIDDEN", m.notYourPost);
  }

  /** The post this client id already stored (a retry), or null. */
  async function storedEarlier(
    viewer: TViewer,
    clientId: string | null,
    client: Db | Prisma.TransactionClient = db,
  ): Promise<number | null> {
    if (clientId === null) return null;
    const earlier = await client.post.findUnique({
      where: { authorId_clientId: { authorId: viewer.userId, clientId } },
      select: { id: true },
    });
    return earlier?.id ?? null;
  }

  async function likeState(viewer: TViewer, id: number) {
    const post = await db.post.findUniqueOrThrow({
      where: { id },
      select: { likeCount: true, likes: { where: { userId: viewer.userId }, select: { userId: true } } },
    });
    return { liked: post.likes.length > 0, likeCount: post.likeCount };
  }

  // New posts, live: the same functions for every subscriber (only the start differs).
  const newPosts = {
    channel: channels.posts,
    select: (event: TEventEnvelope) => (event.type === "post.created" ? event.data : null),
    catchUp: async (after: number) =>
      (
        await db.post.findMany({
          where: { ...visible, id: { gt: after } },
          orderBy: { id: "asc" },
          // Pages of posts (read with their bodies, up to 40 000 characters, when an
          // excerpt predates its column): small enough that a resume from id 0 cannot
          // hold much memory, with the socket's backpressure guard cutting off a reader
          // that falls behind.
          take: CATCH_UP_PAGE,
          select: postSummarySelect(null),
        })
      ).map(summary),
    // The newest id by the primary key's index (an aggregate over the table scanned it).
    headId: async () => (await db.post.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0,
    idOf: (post: TPostSummary) => post.id,
  };

  return {
    async feed(input, viewer) {
      if (input.kind === "following" && !viewer) throw new AppError("UNAUTHENTICATED", m.signInFirst);
      // Popular pages go by `<likeCount>.<id>`, the others by `<id>` (the contract checks the digits).
      const parts = input.cursor?.split(".").map(Number) ?? null;
      const cursor = !parts
        ? null
        : input.kind === "popular"
          ? { likes: parts[0]!, id: parts[1] ?? 0 }
          : { id: parts[0]! };
      const rows = await readFeedPage(db, storage, {
        kind: input.kind,
        // One more than the page: is there a next one?
        limit: input.limit + 1,
        cursor,
        authorHandle: input.authorHandle ?? null,
        followerId: input.kind === "following" ? viewer!.userId : null,
        viewerId: viewer?.userId ?? null,
      });
      const items = await withModerationMarks(db, rows.slice(0, input.limit), viewer);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > input.limit && last ? cursorOf(input.kind, last) : null };
    },

    async recommended(viewer) {
      const rows = await db.post.findMany({
        where: {
          ...postVisibleWhere(viewer?.userId ?? null),
          hiddenAt: null,
          likeCount: { gt: 0 },
          createdAt: { gte: new Date(Date.now() - RECOMMENDED_WINDOW_MS) },
        },
        orderBy: [{ likeCount: "desc" }, { id: "desc" }],
        take: 5,
        select: postSummarySelect(viewer?.userId ?? null),
      });
      return withModerationMarks(db, rows.map(summary), viewer);
    },

    byId: (id, viewer) => load(id, viewer),

    async recordView(id, viewer, device) {
      // Anonymous readers count once per address: the User-Agent is the client's to
      // choose, so keying on it let one address count again with every new string.
      const viewerKey = viewer
        ? `u:${viewer.userId}`
        : `a:${createHash("sha256").update(device.ip).digest("base64url").slice(0, 22)}`;
      const views = await db.$transaction(async (tx) => {
        const post = await tx.post.findFirst({
          where: { id, ...postVisibleWhere(viewer?.userId ?? null) },
          select: { id: true },
        });
        if (!post) throw new AppError("NOT_FOUND", m.noSuchPost);
        const counted = await tx.postView.createMany({
          data: [{ postId: id, viewerKey, day: new Date(dayKey(new Date())) }],
          skipDuplicates: true,
        });
        const updated = counted.count
          ? await tx.post.update({ where: { id }, data: { viewCount: { increment: 1 } }, select: { viewCount: true } })
          : await tx.post.findUniqueOrThrow({ where: { id }, select: { viewCount: true } });
        return { count: updated.viewCount, counted: counted.count > 0 };
      });
      if (views.counted) await publishPostChanged(db, bus, id, false);
      return views.count;
    },

    async create(viewer, input) {
      const clientId = input.clientId ?? null;
      // A retry is answered before any limit counts it.
      const retried = await storedEarlier(viewer, clientId);
      if (retried) return load(retried, viewer);
      const { held } = await guard.screen(viewer, {
        action: "posts",
        texts: [input.title, input.body],
        pictures: input.imageIds.length > 0 || (input.fileIds?.length ?? 0) > 0,
      });
      const stored = await db.$transaction(async (tx) => {
        await tx.$executeRaw`select pg_advisory_xact_lock(${POST_SEQUENCE_LOCK})`;
        // Behind the lock, two retries at once cannot both miss the first.
        const earlier = await storedEarlier(viewer, clientId, tx);
        if (earlier) return { id: earlier, mentioned: [], retried: true, caseId: null };
        await guard.refuseRepeated(tx, viewer, "post", `${input.title}\n${input.body}`);
        const at = new Date();
        const post = await tx.post.create({
          // The same instant for both: updatedAt moves only when the author edits.
          data: {
            authorId: viewer.userId,
            title: input.title,
            body: input.body,
            excerpt: plainExcerpt(input.body),
            createdAt: at,
            updatedAt: at,
            clientId,
            // A watched word holds it for review: hidden from others until a moderator decides.
            hiddenAt: held ? at : null,
          },
          select: { id: true },
        });
        await setPostImages(tx, post.id, viewer.userId, input.imageIds);
        if (input.fileIds?.length) await setPostFiles(tx, post.id, viewer.userId, input.fileIds);
        const caseId = held ? await guard.fileHeld(tx, viewer, { kind: "post", id: post.id }, held) : null;
        // A held post mentions nobody yet.
        const mentioned = held ? [] : await notifyMentions(tx, mentionOf(viewer, post.id, input));
        return { id: post.id, mentioned, retried: false, caseId };
      });
      if (stored.retried) return load(stored.id, viewer);
      await guard.announce(stored.caseId);
      if (stored.caseId !== null) return load(stored.id, viewer);
      const created = await load(stored.id, null);
      await bus.publish(channels.posts, { v: 1, type: "post.created", data: summaryOf(created) });
      await publishNotifications(db, bus, stored.mentioned);
      return { ...created, likedByMe: false };
    },

    async update(viewer, input) {
      const { held } = await guard.screen(viewer, {
        texts: [input.title, input.body],
        pictures: input.imageIds.length > 0 || (input.fileIds?.length ?? 0) > 0,
      });
      const { droppedKeys, mentioned, caseId } = await db.$transaction(async (tx) => {
        await lockOwnPost(tx, viewer, input.id);
        const at = new Date();
        await tx.post.update({
          where: { id: input.id },
          data: {
            title: input.title,
            body: input.body,
            excerpt: plainExcerpt(input.body),
            updatedAt: at,
            ...(held ? { hiddenAt: at } : {}),
          },
        });
        const droppedKeys = [
          ...(await setPostImages(tx, input.id, viewer.userId, input.imageIds)),
          ...(input.fileIds ? await setPostFiles(tx, input.id, viewer.userId, input.fileIds) : []),
        ];
        if (held) {
          return {
            droppedKeys,
            mentioned: [],
            caseId: await guard.fileHeld(tx, viewer, { kind: "post", id: input.id }, held),
          };
        }
        // Only people this edit newly mentions hear of it.
        return { droppedKeys, mentioned: await notifyMentions(tx, mentionOf(viewer, input.id, input)), caseId: null };
      });
      await Promise.all(droppedKeys.map((key) => storage.delete(key)));
      await guard.announce(caseId);
      if (caseId !== null) await publishPostDeleted(bus, input.id);
      await publishNotifications(db, bus, mentioned);
      return load(input.id, viewer);
    },

    async delete(viewer, id) {
      const droppedKeys = await db.$transaction(async (tx) => {
        await lockOwnPost(tx, viewer, id);
        await tx.post.update({ where: { id }, data: { deletedAt: new Date() } });
        // A deleted post's pictures and files go too: nobody may reach them by an old URL.
        const [images, files] = await Promise.all([
          tx.postImage.findMany({ where: { postId: id }, select: { uploadId: true } }),
          tx.postFile.findMany({ where: { postId: id }, select: { uploadId: true } }),
        ]);
        return dropUploads(
          tx,
          [...images, ...files].map((attached) => attached.uploadId),
        );
      });
      await Promise.all(droppedKeys.map((key) => storage.delete(key)));
      await publishPostDeleted(bus, id);
    },

    async like(viewer, id) {
      const changed = await db.$transaction(async (tx) => {
        const post = await tx.post.findFirst({ where: { id, ...visible }, select: { authorId: true } });
        if (!post) throw new AppError("NOT_FOUND", m.noSuchPost);
        // The primary key (post, user) makes a second like a no-op, even in parallel.
        const added = await tx.postLike.createMany({
          data: [{ postId: id, userId: viewer.userId }],
          skipDuplicates: true,
        });
        if (added.count === 0) return [];
        // Counted only when it changes something (a repeat changes nothing), before the commit.
        await enforce(limiter, [[`toggle:like:${viewer.userId}:${id}`, LIKE_TOGGLES]]);
        await tx.post.update({ where: { id }, data: { likeCount: { increment: 1 } } });
        const notificationId = await notify(tx, {
          recipientId: post.authorId,
          actorId: viewer.userId,
          type: "like",
          postId: id,
          groupKey: groupKeys.like(id, new Date()),
        });
        return [{ recipientId: post.authorId, id: notificationId }];
      });
      await publishNotifications(db, bus, changed);
      if (changed.length) await publishPostChanged(db, bus, id, false);
      return likeState(viewer, id);
    },

    async unlike(viewer, id) {
      const removed = await db.$transaction(async (tx) => {
        const post = await tx.post.findFirst({ where: { id, ...visible }, select: { id: true } });
        if (!post) throw new AppError("NOT_FOUND", m.noSuchPost);
        const removed = await tx.postLike.deleteMany({ where: { postId: id, userId: viewer.userId } });
        if (removed.count) {
          await enforce(limiter, [[`toggle:like:${viewer.userId}:${id}`, LIKE_TOGGLES]]);
          await tx.post.update({ where: { id }, data: { likeCount: { decrement: 1 } } });
        }
        return removed.count > 0;
      });
      if (removed) await publishPostChanged(db, bus, id, false);
      return likeState(viewer, id);
    },

    streamCreated(afterId, signal) {
      return liveFeed(bus, { ...newPosts, afterId }, signal);
    },

    streamDeleted(signal) {
      return signalFeed(bus, channels.posts, deletedSignal, signal, 0);
    },

    async streamChanges(id, signal) {
      const post = await db.post.findFirst({ where: { id, ...visible }, select: { id: true } });
      if (!post) throw new AppError("NOT_FOUND", m.noSuchPost);
      return signalFeed(bus, channels.post(id), changeSignal, signal);
    },
  };
}
