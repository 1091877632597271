import {
  AppError,
  channels,
  serverMessages as m,
  type TEventEnvelope,
  type TMe,
  type TProfileSignal,
  type TPublicUser,
  type TRecommendedPerson,
  type TViewer,
} from "@orgo/api-contract";
import type { UserService } from "@orgo/api-contract/server";
import { isUniqueViolation, type Db, type Prisma } from "@orgo/db";
import { newStorageKey, type FileStorage } from "../../platform/storage/file-storage.js";
import { presets, processImage } from "../../platform/images/image-pipeline.js";
import { loadMe } from "./me.js";
import type { EventBus } from "../../platform/events/event-bus.js";
import { itemPerEvent } from "../../platform/live/live-stream.js";
import { signalFeed } from "../../platform/live/signal-feed.js";
import { publishUsersChanged } from "./user-events.js";
import { isProfileHidden, postVisibleWhere } from "../visibility/visibility.js";

const profileItem = itemPerEvent<TProfileSignal>();
const profileSignal = (event: TEventEnvelope) =>
  event.type === "user.changed" ? profileItem(event, () => ({ userId: event.data.userId })) : null;

const AVATAR_KIND = "avatar";
/** People offered in the composers' "@" list. */
const SUGGEST_LIMIT = 8;
const RECOMMENDED_LIMIT = 8;
/** "Active lately": wrote a post or a comment within these days. */
const ACTIVE_DAYS = 30;
/** Each person's latest posts (and comments) read to tell how active they are. */
const ACTIVITY_READ = 20;

export interface ProfileService extends UserService {
  /** Re-encodes the bytes and makes them the viewer's avatar; the old file is removed. */
  setAvatar(viewer: TViewer, bytes: Uint8Array): Promise<TMe>;
}

export function createUserService({
  db,
  bus,
  storage,
  guard,
}: {
  db: Db;
  bus: EventBus;
  storage: FileStorage;
  /** The watched words (domains/safety's guard, handed in: safety sits above users). */
  guard: { screen(viewer: TViewer, write: { texts: string[] }): Promise<{ held: string | null }> };
}): ProfileService {
  async function me(userId: string): Promise<TMe> {
    const found = await loadMe(db, userId);
    if (!found) throw new AppError("UNAUTHENTICATED", m.signInFirst);
    return found;
  }

  /** Removes the user's avatar rows in `tx`; returns the keys whose files to delete after commit. */
  async function detachAvatars(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
    const old = await tx.upload.findMany({ where: { ownerId: userId, kind: AVATAR_KIND }, select: { key: true } });
    await tx.upload.deleteMany({ where: { ownerId: userId, kind: AVATAR_KIND } });
    return old.map((u) => u.key);
  }

  /** Files go after the commit: a rolled-back change never loses a file still in use. */
  async function deleteFiles(keys: string[]) {
    await Promise.all(keys.map((key) => storage.delete(key)));
  }

  return {
    async suggest(viewer, q) {
      // A prefix, with LIKE's own characters taken literally.
      const prefix = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return db.$queryRaw<TPublicUser[]>`
        select u.id, u.handle, u."displayName", u."avatarUrl"
        from "User" u
        left join "Follow" f on f."followerId" = ${viewer.userId}::uuid and f."followeeId" = u.id
        where u.id <> ${viewer.userId}::uuid
          and (u.handle like ${prefix} or lower(u."displayName") like ${prefix})
          and (${q} <> '' or f."followerId" is not null)
          and not exists (
            select 1 from "Block" b
            where (b."blockerId" = ${viewer.userId}::uuid and b."blockedId" = u.id)
               or (b."blockerId" = u.id and b."blockedId" = ${viewer.userId}::uuid))
        order by (f."followerId" is not null) desc, u.handle
        limit ${SUGGEST_LIMIT}`;
    },

    async recommended(viewer) {
      // People active lately (a post or comment in the last ACTIVE_DAYS) come first, the
      // most followed of them first; then the rest. Each person's activity is read from
      // their latest few posts and comments only (index scans, not their whole history).
      return db.$queryRaw<TRecommendedPerson[]>`
        select u.id, u.handle, u."displayName", u."avatarUrl", u.bio, u."followerCount",
          (select count(*) from "Post" p where p."authorId" = u.id and p."deletedAt" is null)::int as "postCount",
          a."activeAt"
        from "User" u
        left join lateral (
          select max(at) as "activeAt",
            count(*) filter (where at > now() - ${ACTIVE_DAYS} * interval '1 day') as recent
          from (
            (select p."createdAt" as at from "Post" p
             where p."authorId" = u.id and p."deletedAt" is null and p."hiddenAt" is null
             order by p.id desc limit ${ACTIVITY_READ})
            union all
            (select c."createdAt" from "Comment" c
             where c."authorId" = u.id and c."deletedAt" is null and c."hiddenAt" is null
             order by c.id desc limit ${ACTIVITY_READ})
          ) latest
        ) a on true
        where u.id <> ${viewer.userId}::uuid
          and u."profileHiddenAt" is null and u."contentHiddenAt" is null
          and not exists (
            select 1 from "Follow" f where f."followerId" = ${viewer.userId}::uuid and f."followeeId" = u.id)
          and not exists (
            select 1 from "Block" b
            where (b."blockerId" = ${viewer.userId}::uuid and b."blockedId" = u.id)
               or (b."blockerId" = u.id and b."blockedId" = ${viewer.userId}::uuid))
        order by (a.recent > 0) desc, u."followerCount" desc, a.recent desc,
          a."activeAt" desc nulls last, u."createdAt" desc, u.id
        limit ${RECOMMENDED_LIMIT}`;
    },

    async streamProfile(userId, signal) {
      const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
      if (!user) throw new AppError("NOT_FOUND", m.noSuchUser);
      return signalFeed(bus, channels.user(userId), profileSignal, signal);
    },

    async profile(handle, viewer) {
      const user = await db.user.findUnique({
        where: { handle },
        select: {
          id: true,
          handle: true,
          displayName: true,
          avatarUrl: true,
          bio: true,
          createdAt: true,
          followerCount: true,
          followingCount: true,
          profileHiddenAt: true,
          contentHiddenAt: true,
          _count: { select: { posts: { where: postVisibleWhere(null) } } },
        },
      });
      if (!user) throw new AppError("NOT_FOUND", m.noSuchUser);
      const [followedByMe, followsMe, blockedByMe] = viewer
        ? await Promise.all([
            db.follow.count({ where: { followerId: viewer.userId, followeeId: user.id } }),
            db.follow.count({ where: { followerId: user.id, followeeId: viewer.userId } }),
            db.block.count({ where: { blockerId: viewer.userId, blockedId: user.id } }),
          ])
        : [0, 0, 0];
      const { _count, createdAt, profileHiddenAt, contentHiddenAt, ...rest } = user;
      // Hidden by moderators: others see the handle only; the person sees it all, marked.
      const hidden = isProfileHidden({ profileHiddenAt, contentHiddenAt });
      const isMe = viewer?.userId === user.id;
      const face = hidden && !isMe ? { displayName: user.handle, avatarUrl: null, bio: "" } : {};
      return {
        ...rest,
        ...face,
        hidden,
        joinedAt: createdAt,
        postCount: _count.posts,
        isMe: viewer?.userId === user.id,
        followedByMe: followedByMe > 0,
        followsMe: followsMe > 0,
        blockedByMe: blockedByMe > 0,
      };
    },

    async updateProfile(viewer, input) {
      // A name or bio with a watched word is refused (a profile is not held: it is the person's face).
      const { held } = await guard.screen(viewer, { texts: [input.displayName, input.bio] });
      if (held) throw new AppError("VALIDATION", m.textRefused);
      try {
        await db.user.update({
          where: { id: viewer.userId },
          data: { handle: input.handle, displayName: input.displayName, bio: input.bio },
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError("CONFLICT", m.handleTaken, { fieldErrors: { handle: [m.handleTaken] } });
        }
        throw error;
      }
      await publishUsersChanged(bus, [viewer.userId]);
      return me(viewer.userId);
    },

    async removeAvatar(viewer) {
      const removed = await db.$transaction(async (tx) => {
        const keys = await detachAvatars(tx, viewer.userId);
        await tx.user.update({ where: { id: viewer.userId }, data: { avatarUrl: null } });
        return keys;
      });
      await deleteFiles(removed);
      await publishUsersChanged(bus, [viewer.userId]);
      return me(viewer.userId);
    },

    async setAvatar(viewer, bytes) {
      const image = await processImage(bytes, presets.avatar);
      const key = newStorageKey("avatars", image.extension);
      await storage.put(key, image.bytes, image.contentType);
      let replaced: string[];
      try {
        replaced = await db.$transaction(async (tx) => {
          const keys = await detachAvatars(tx, viewer.userId);
          await tx.upload.create({
            data: {
              ownerId: viewer.userId,
              kind: AVATAR_KIND,
              key,
              width: image.width,
              height: image.height,
              bytes: image.bytes.byteLength,
            },
          });
          await tx.user.update({ where: { id: viewer.userId }, data: { avatarUrl: storage.urlOf(key) } });
          return keys;
        });
      } catch (error) {
        await storage.delete(key);
        throw error;
      }
      await deleteFiles(replaced);
      await publishUsersChanged(bus, [viewer.userId]);
      return me(viewer.userId);
    },
  };
}
