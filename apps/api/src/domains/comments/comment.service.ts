import { AppError, serverMessages as m, type TComment, type TModerationMark, type TViewer } from "@orgo/api-contract";
import type { CommentService } from "@orgo/api-contract/server";
import { isUniqueViolation, type Db, type Prisma } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import { groupKeys, notify } from "../notifications/notify.js";
import { publishNotifications, publishRemovedNotifications } from "../notifications/notification.service.js";
import { notifyMentions } from "../notifications/mentions.js";
import { publishPostChanged } from "../posts/post-events.js";
import { publicUserSelect } from "../users/public-user.js";
import { isHiddenContent, postVisibleWhere } from "../visibility/visibility.js";
import { moderationMarks } from "../safety/moderation-marks.js";
import type { ContentGuard } from "../safety/content-guard.js";
import { isRepeatedText } from "../safety/repeated-text.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import { enforce } from "../../platform/rate-limit/limits.js";

/** Replies shown with each thread of a page; the count tells how many there are in all. */
const REPLIES_PER_THREAD = 50;

/** Like, unlike, like… on one comment: a loop past this is refused (as on posts). */
const LIKE_TOGGLES = { limit: 20, windowMs: 3600_000 };

/** A comment's likes as the viewer sees them. */
interface LikeTally {
  count: number;
  mine: boolean;
}
type Likes = Map<number, LikeTally>;
const noLikes: LikeTally = { count: 0, mine: false };

/** A comment's mentions (a reply's too). */
const mentionOf = (viewer: TViewer, comment: { id: number; postId: number; body: string }) => ({
  text: comment.body,
  actorId: viewer.userId,
  groupKey: groupKeys.mention("comment", comment.id),
  postId: comment.postId,
  commentId: comment.id,
});

const commentSelect = {
  id: true,
  postId: true,
  parentId: true,
  body: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  hiddenAt: true,
  author: { select: { ...publicUserSelect, contentHiddenAt: true } },
} as const satisfies Prisma.CommentSelect;

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

/**
 * A deleted comment keeps its place (for its replies) but shows neither author nor
 * text; so does a hidden one (by moderators, or its author's content hidden), except
 * to its author, who sees it with why (`marks`).
 */
function toComment(
  row: CommentRow,
  viewerId: string | null,
  marks: Map<string, TModerationMark>,
  likes: Likes,
): TComment {
  const deleted = row.deletedAt !== null;
  const hidden = isHiddenContent(row);
  const mine = row.author?.id === viewerId;
  const shown = !deleted && (!hidden || mine);
  const author = row.author
    ? {
        id: row.author.id,
        handle: row.author.handle,
        displayName: row.author.displayName,
        avatarUrl: row.author.avatarUrl,
      }
    : null;
  return {
    id: row.id,
    postId: row.postId,
    parentId: row.parentId,
    author: shown ? author : null,
    body: shown ? row.body : "",
    deleted,
    hidden: !deleted && hidden,
    moderation: shown && hidden ? (marks.get(String(row.id)) ?? null) : null,
    createdAt: row.createdAt,
    // Both are set to the same instant at creation; only an edit moves updatedAt.
    edited: row.updatedAt.getTime() !== row.createdAt.getTime(),
    // A placeholder shows no likes (nor whose they were).
    ...(shown ? tallyOf(likes, row.id) : { likeCount: 0, likedByMe: false }),
  };
}

function tallyOf(likes: Likes, id: number) {
  const tally = likes.get(id) ?? noLikes;
  return { likeCount: tally.count, likedByMe: tally.mine };
}

/** The likes of these comments, and which the viewer gave: one grouped query on the primary key. */
async function likesFor(db: Db | Prisma.TransactionClient, ids: number[], viewerId: string | null): Promise<Likes> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ commentId: number; count: number; mine: boolean }[]>`
    select "commentId", count(*)::int as count, coalesce(bool_or("userId" = ${viewerId}::uuid), false) as mine
    from "CommentLike" where "commentId" = any(${ids}) group by "commentId"`;
  return new Map(rows.map((row) => [row.commentId, { count: row.count, mine: row.mine }]));
}

/** Why the viewer's own hidden comments among these are hidden (one query). */
function marksFor(db: Db, rows: CommentRow[], viewerId: string | null) {
  const mine = rows.filter((row) => row.hiddenAt !== null && row.author?.id === viewerId).map((row) => String(row.id));
  return moderationMarks(db, "comment", mine);
}

/** One comment as the viewer sees it, with why it is hidden and its likes. */
async function shownComment(db: Db, row: CommentRow, viewerId: string | null): Promise<TComment> {
  const [marks, likes] = await Promise.all([marksFor(db, [row], viewerId), likesFor(db, [row.id], viewerId)]);
  return toComment(row, viewerId, marks, likes);
}

const live = { deletedAt: null } as const;

export function createCommentService({
  db,
  bus,
  guard,
  limiter,
}: {
  db: Db;
  bus: EventBus;
  guard: ContentGuard;
  limiter: RateLimiter;
}): CommentService {
  /** The post, live and visible to the viewer (nobody comments on what they cannot see). */
  async function requireLivePost(tx: Prisma.TransactionClient | Db, postId: number, viewerId: string | null = null) {
    const post = await tx.post.findFirst({
      where: { id: postId, ...postVisibleWhere(viewerId) },
      select: { authorId: true },
    });
    if (!post) throw new AppError("NOT_FOUND", m.noSuchPost);
    return post;
  }

  /** Locks the comment and checks it is live, on a live post, and the viewer's. */
  async function lockOwnComment(tx: Prisma.TransactionClient, viewer: TViewer, id: number) {
    const [row] = await tx.$queryRaw<{ authorId: string; postId: number; deletedAt: Date | null }[]>`
      select "authorId", "postId", "deletedAt" from "Comment" where id = ${id} for update`;
    if (!row || row.deletedAt) throw new AppError("NOT_FOUND", m.noSuchComment);
    await requireLivePost(tx, row.postId, viewer.userId);
    if (row.authorId !== viewer.userId) throw new AppError("FORBIDDEN", m.notYourComment);
    return row;
  }

  return {
    async list({ postId, cursor, limit }, viewer) {
      const viewerId = viewer?.userId ?? null;
      await requireLivePost(db, postId, viewerId);
      // Oldest first, as a conversation reads; a deleted comment stays only while it has live replies.
      const threads = await db.comment.findMany({
        where: {
          postId,
          parentId: null,
          ...(cursor ? { id: { gt: cursor } } : {}),
          OR: [{ deletedAt: null }, { replies: { some: live } }],
        },
        orderBy: { id: "asc" },
        take: limit + 1,
        select: { ...commentSelect, _count: { select: { replies: { where: live } } } },
      });
      const page = threads.slice(0, limit);
      // One query for the replies of the whole page, capped per thread by a window.
      const ids = page.map((t) => t.id);
      const replyIds = ids.length
        ? await db.$queryRaw<{ id: number }[]>`
            select id from (
              select id, row_number() over (partition by "parentId" order by id) as n
              from "Comment" where "parentId" = any(${ids}) and "deletedAt" is null
            ) ranked where n <= ${REPLIES_PER_THREAD}`
        : [];
      const replies = replyIds.length
        ? await db.comment.findMany({
            where: { id: { in: replyIds.map((r) => r.id) } },
            orderBy: { id: "asc" },
            select: commentSelect,
          })
        : [];
      const [marks, likes] = await Promise.all([
        marksFor(db, [...page, ...replies], viewerId),
        likesFor(
          db,
          [...page, ...replies].map((row) => row.id),
          viewerId,
        ),
      ]);
      return {
        items: page.map(({ _count, ...thread }) => ({
          ...toComment(thread, viewerId, marks, likes),
          replies: replies
            .filter((r) => r.parentId === thread.id)
            .map((reply) => toComment(reply, viewerId, marks, likes)),
          replyCount: _count.replies,
        })),
        nextCursor: threads.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async create(viewer, input) {
      const clientId = input.clientId ?? null;
      // A retry (same client id) answers the comment stored the first time.
      const earlier = () =>
        clientId === null
          ? null
          : db.comment.findUnique({
              where: { authorId_clientId: { authorId: viewer.userId, clientId } },
              select: commentSelect,
            });
      const stored = await earlier();
      if (stored) return shownComment(db, stored, viewer.userId);
      const { held } = await guard.screen(viewer, { action: "comments", texts: [input.body] });
      let created;
      try {
        created = await insert();
      } catch (error) {
        // Two tries at once: the other one stored it, and this one rolled back whole
        // (on the client id, or on the text the other one just stored).
        const winner = isUniqueViolation(error) || isRepeatedText(error) ? await earlier() : null;
        if (winner) return shownComment(db, winner, viewer.userId);
        throw error;
      }
      const { comment, changed, caseId } = created;
      await guard.announce(caseId);
      await publishNotifications(db, bus, changed);
      await publishPostChanged(db, bus, input.postId, true);
      return shownComment(db, comment, viewer.userId);

      function insert() {
        return db.$transaction(async (tx) => {
          const post = await requireLivePost(tx, input.postId, viewer.userId);
          await guard.refuseRepeated(tx, viewer, "comment", input.body);
          let parentAuthorId: string | null = null;
          if (input.parentId) {
            const parent = await tx.comment.findFirst({
              where: { id: input.parentId, ...live },
              select: { postId: true, parentId: true, authorId: true },
            });
            // One level only, on the same post.
            if (!parent || parent.postId !== input.postId || parent.parentId !== null) {
              throw new AppError("VALIDATION", m.replyToReply, { fieldErrors: { parentId: [m.replyToReply] } });
            }
            parentAuthorId = parent.authorId;
          }
          const at = new Date();
          const comment = await tx.comment.create({
            data: {
              postId: input.postId,
              parentId: input.parentId ?? null,
              authorId: viewer.userId,
              body: input.body,
              createdAt: at,
              updatedAt: at,
              clientId,
              // A watched word holds it for review: a placeholder for others until a moderator decides.
              hiddenAt: held ? at : null,
            },
            select: commentSelect,
          });
          await tx.post.update({ where: { id: input.postId }, data: { commentCount: { increment: 1 } } });
          if (held) {
            const caseId = await guard.fileHeld(tx, viewer, { kind: "comment", id: comment.id }, held);
            return { comment, changed: [], caseId };
          }
          const recipientId = parentAuthorId ?? post.authorId;
          const id = await notify(tx, {
            recipientId,
            actorId: viewer.userId,
            type: parentAuthorId ? "reply" : "comment",
            postId: input.postId,
            commentId: comment.id,
            groupKey: parentAuthorId ? groupKeys.reply(comment.id) : groupKeys.comment(comment.id),
          });
          // Whoever the comment or reply notifies already is not told twice.
          const mentioned = await notifyMentions(tx, { ...mentionOf(viewer, comment), skip: [recipientId] });
          return { comment, changed: [{ recipientId, id }, ...mentioned], caseId: null };
        });
      }
    },

    async update(viewer, input) {
      const { held } = await guard.screen(viewer, { texts: [input.body] });
      const { row, mentioned, caseId } = await db.$transaction(async (tx) => {
        await lockOwnComment(tx, viewer, input.id);
        const at = new Date();
        const row = await tx.comment.update({
          where: { id: input.id },
          data: { body: input.body, updatedAt: at, ...(held ? { hiddenAt: at } : {}) },
          select: commentSelect,
        });
        if (held) {
          const caseId = await guard.fileHeld(tx, viewer, { kind: "comment", id: input.id }, held);
          return { row, mentioned: [], caseId };
        }
        // Only people this edit newly mentions hear of it.
        return { row, mentioned: await notifyMentions(tx, mentionOf(viewer, row)), caseId: null };
      });
      await guard.announce(caseId);
      await publishNotifications(db, bus, mentioned);
      await publishPostChanged(db, bus, row.postId, true);
      return shownComment(db, row, viewer.userId);
    },

    async delete(viewer, id) {
      const { postId, removed } = await db.$transaction(async (tx) => {
        const row = await lockOwnComment(tx, viewer, id);
        await tx.comment.update({ where: { id }, data: { deletedAt: new Date() } });
        await tx.post.update({ where: { id: row.postId }, data: { commentCount: { decrement: 1 } } });
        // Its notifications would point at nothing now: gone, and their recipients told.
        const removed = await tx.notification.findMany({
          where: { commentId: id },
          select: { id: true, recipientId: true },
        });
        await tx.notification.deleteMany({ where: { commentId: id } });
        return { postId: row.postId, removed };
      });
      await publishRemovedNotifications(db, bus, removed);
      await publishPostChanged(db, bus, postId, true);
    },

    async like(viewer, id) {
      const { postId, changed } = await db.$transaction(async (tx) => {
        const comment = await requireLikable(tx, viewer, id);
        // The primary key (comment, user) makes a second like a no-op, even in parallel.
        const added = await tx.commentLike.createMany({
          data: [{ commentId: id, userId: viewer.userId }],
          skipDuplicates: true,
        });
        if (added.count === 0) return { postId: comment.postId, changed: null };
        // Counted only when it changes something, before the commit (as a post's like).
        await enforce(limiter, [[`toggle:comment-like:${viewer.userId}:${id}`, LIKE_TOGGLES]]);
        const notificationId = await notify(tx, {
          recipientId: comment.authorId,
          actorId: viewer.userId,
          type: "comment_like",
          postId: comment.postId,
          commentId: id,
          groupKey: groupKeys.commentLike(id, new Date()),
        });
        return { postId: comment.postId, changed: [{ recipientId: comment.authorId, id: notificationId }] };
      });
      if (changed) {
        await publishNotifications(db, bus, changed);
        // The post's open views refetch its comments: the count moves for every reader.
        await publishPostChanged(db, bus, postId, true);
      }
      return likeState(viewer, id);
    },

    async unlike(viewer, id) {
      const { postId, removed } = await db.$transaction(async (tx) => {
        const comment = await requireLikable(tx, viewer, id);
        const removed = await tx.commentLike.deleteMany({ where: { commentId: id, userId: viewer.userId } });
        if (removed.count) await enforce(limiter, [[`toggle:comment-like:${viewer.userId}:${id}`, LIKE_TOGGLES]]);
        return { postId: comment.postId, removed: removed.count > 0 };
      });
      if (removed) await publishPostChanged(db, bus, postId, true);
      return likeState(viewer, id);
    },
  };

  /** A comment one can like: live, shown to others, on a post the viewer can see. */
  async function requireLikable(tx: Prisma.TransactionClient, viewer: TViewer, id: number) {
    const row = await tx.comment.findUnique({
      where: { id },
      select: {
        authorId: true,
        postId: true,
        deletedAt: true,
        hiddenAt: true,
        author: { select: { contentHiddenAt: true } },
      },
    });
    if (!row || row.deletedAt || isHiddenContent(row)) throw new AppError("NOT_FOUND", m.noSuchComment);
    await requireLivePost(tx, row.postId, viewer.userId);
    return row;
  }

  async function likeState(viewer: TViewer, id: number) {
    const tally = (await likesFor(db, [id], viewer.userId)).get(id) ?? noLikes;
    return { liked: tally.mine, likeCount: tally.count };
  }
}
