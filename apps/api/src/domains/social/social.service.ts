import { AppError, serverMessages as m, type TPeopleInput, type TViewer } from "@orgo/api-contract";
import type { SocialService } from "@orgo/api-contract/server";
import type { Db, Prisma } from "@orgo/db";
import { blockedBetween } from "./blocks.js";
import type { EventBus } from "../../platform/events/event-bus.js";
import { groupKeys, notify } from "../notifications/notify.js";
import { publishNotifications } from "../notifications/notification.service.js";
import { publishRelationChanged, publishUsersChanged } from "../users/user-events.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import { enforce } from "../../platform/rate-limit/limits.js";
import { publicUserSelect } from "../users/public-user.js";

/** Ends a follow and keeps both counters right; false when there was none. */
async function removeFollow(tx: Prisma.TransactionClient, followerId: string, followeeId: string): Promise<boolean> {
  const removed = await tx.follow.deleteMany({ where: { followerId, followeeId } });
  if (removed.count === 0) return false;
  await tx.user.update({ where: { id: followeeId }, data: { followerCount: { decrement: 1 } } });
  await tx.user.update({ where: { id: followerId }, data: { followingCount: { decrement: 1 } } });
  return true;
}

/** Cursor of a people list: `<followed at, ms>.<user id>`, newest first. */
function parseCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  const match = cursor ? /^(\d{1,15})\.([0-9a-f-]{36})$/.exec(cursor) : null;
  return match ? { at: new Date(Number(match[1])), id: match[2]! } : null;
}

/**
 * What other domains do when a block begins or ends between two people (chat hides
 * or brings back their one-to-one room). Social knows nothing of them: the
 * assembler (services.ts) hands them in, so no domain below reaches up to chat.
 */
export interface BlockListener {
  blocked(blockerId: string, blockedId: string): Promise<void>;
  unblocked(blockerId: string, blockedId: string): Promise<void>;
}

/** Follow, unfollow, follow… one person: a loop past this an hour is refused (they hear once anyway). */
const FOLLOW_TOGGLES = { limit: 10, windowMs: 3600_000 };

export function createSocialService({
  db,
  bus,
  limiter,
  blockListeners,
}: {
  db: Db;
  bus: EventBus;
  limiter: RateLimiter;
  blockListeners: BlockListener[];
}): SocialService {
  async function followState(userId: string, viewer: TViewer) {
    const [user, edge] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: userId }, select: { followerCount: true } }),
      db.follow.findUnique({
        where: { followerId_followeeId: { followerId: viewer.userId, followeeId: userId } },
        select: { followerId: true },
      }),
    ]);
    return { following: edge !== null, followerCount: user.followerCount };
  }

  async function requireUser(userId: string) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", m.noSuchUser);
  }

  /**
   * One page of a followers or following list, newest first, with "follows you"
   * and "you follow" for the viewer: three queries whatever the page size.
   */
  async function people(input: TPeopleInput, viewer: TViewer | null, side: "followers" | "following") {
    await requireUser(input.userId);
    const cursor = parseCursor(input.cursor);
    const personKey = side === "followers" ? "followerId" : "followeeId";
    const where: Prisma.FollowWhereInput = {
      ...(side === "followers" ? { followeeId: input.userId } : { followerId: input.userId }),
      ...(cursor
        ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, [personKey]: { lt: cursor.id } }] }
        : {}),
    };
    const rows = await db.follow.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { [personKey]: "desc" }],
      take: input.limit + 1,
      select: {
        createdAt: true,
        follower: side === "followers" ? { select: publicUserSelect } : false,
        followee: side === "following" ? { select: publicUserSelect } : false,
      },
    });
    const page = rows.slice(0, input.limit).map((row) => ({
      at: row.createdAt,
      // Only the side that was selected is present.
      person: side === "followers" ? row.follower : row.followee,
    }));
    const ids = page.map((p) => p.person.id);
    const [followsMe, followedByMe] = viewer
      ? await Promise.all([
          db.follow.findMany({
            where: { followerId: { in: ids }, followeeId: viewer.userId },
            select: { followerId: true },
          }),
          db.follow.findMany({
            where: { followerId: viewer.userId, followeeId: { in: ids } },
            select: { followeeId: true },
          }),
        ])
      : [[], []];
    const followsMeSet = new Set(followsMe.map((f) => f.followerId));
    const followedSet = new Set(followedByMe.map((f) => f.followeeId));
    const last = page.at(-1);
    return {
      items: page.map(({ person }) => ({
        ...person,
        followsMe: followsMeSet.has(person.id),
        followedByMe: followedSet.has(person.id),
      })),
      nextCursor: rows.length > input.limit && last ? `${last.at.getTime()}.${last.person.id}` : null,
    };
  }

  return {
    async follow(viewer, userId) {
      if (userId === viewer.userId) throw new AppError("VALIDATION", m.cannotFollowSelf);
      const changed = await db.$transaction(async (tx) => {
        const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
        if (!target) throw new AppError("NOT_FOUND", m.noSuchUser);
        if (await blockedBetween(tx, viewer.userId, userId)) throw new AppError("FORBIDDEN", m.blocked);
        // The primary key makes a second follow a no-op, even in parallel: it notifies once.
        const added = await tx.follow.createMany({
          data: [{ followerId: viewer.userId, followeeId: userId }],
          skipDuplicates: true,
        });
        if (added.count === 0) return [];
        // Counted only when it changes something (a repeat changes nothing), before the commit.
        await enforce(limiter, [[`toggle:follow:${viewer.userId}:${userId}`, FOLLOW_TOGGLES]]);
        await tx.user.update({ where: { id: userId }, data: { followerCount: { increment: 1 } } });
        await tx.user.update({ where: { id: viewer.userId }, data: { followingCount: { increment: 1 } } });
        const id = await notify(tx, {
          recipientId: userId,
          actorId: viewer.userId,
          type: "follow",
          groupKey: groupKeys.follow(new Date()),
        });
        return [{ recipientId: userId, id }];
      });
      await publishNotifications(db, bus, changed);
      if (changed.length) {
        await publishUsersChanged(bus, [viewer.userId, userId]);
        await publishRelationChanged(bus, viewer.userId, userId);
      }
      return followState(userId, viewer);
    },

    async unfollow(viewer, userId) {
      await requireUser(userId);
      const removed = await db.$transaction(async (tx) => {
        const removed = await removeFollow(tx, viewer.userId, userId);
        if (removed) await enforce(limiter, [[`toggle:follow:${viewer.userId}:${userId}`, FOLLOW_TOGGLES]]);
        return removed;
      });
      if (removed) {
        await publishUsersChanged(bus, [viewer.userId, userId]);
        await publishRelationChanged(bus, viewer.userId, userId);
      }
      return followState(userId, viewer);
    },

    followers: (input, viewer) => people(input, viewer, "followers"),
    following: (input, viewer) => people(input, viewer, "following"),

    async block(viewer, userId) {
      if (userId === viewer.userId) throw new AppError("VALIDATION", m.cannotBlockSelf);
      await requireUser(userId);
      await db.$transaction(async (tx) => {
        await tx.block.createMany({ data: [{ blockerId: viewer.userId, blockedId: userId }], skipDuplicates: true });
        // Blocking ends the follows both ways.
        await removeFollow(tx, viewer.userId, userId);
        await removeFollow(tx, userId, viewer.userId);
      });
      await publishUsersChanged(bus, [viewer.userId, userId]);
      await publishRelationChanged(bus, viewer.userId, userId);
      for (const listener of blockListeners) await listener.blocked(viewer.userId, userId);
    },

    async unblock(viewer, userId) {
      await db.block.deleteMany({ where: { blockerId: viewer.userId, blockedId: userId } });
      await publishRelationChanged(bus, viewer.userId, userId);
      for (const listener of blockListeners) await listener.unblocked(viewer.userId, userId);
    },

    async blocked(viewer) {
      const rows = await db.block.findMany({
        where: { blockerId: viewer.userId },
        orderBy: { createdAt: "desc" },
        select: { blocked: { select: publicUserSelect } },
      });
      return rows.map((r) => r.blocked);
    },
  };
}
