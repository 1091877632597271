import { channels } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";

/**
 * After a post's counts moved or its comments changed (committed): its open views get
 * the counts as they now are, and refetch the comments when `comments` is set. The
 * counts are read after the commit, so concurrent changes never publish a stale one last.
 */
export async function publishPostChanged(db: Db, bus: EventBus, postId: number, comments: boolean): Promise<void> {
  const post = await db.post.findFirst({
    where: { id: postId, deletedAt: null },
    select: { likeCount: true, commentCount: true, viewCount: true },
  });
  if (!post) return;
  await bus.publish(channels.post(postId), { v: 1, type: "post.changed", data: { postId, comments, ...post } });
}

/** A deleted post leaves every open list (posts channel) and every open view of it. */
export async function publishPostDeleted(bus: EventBus, postId: number): Promise<void> {
  const event = { v: 1, type: "post.deleted", data: { postId } } as const;
  await Promise.all([bus.publish(channels.posts, event), bus.publish(channels.post(postId), event)]);
}
