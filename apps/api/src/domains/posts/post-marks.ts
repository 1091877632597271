import type { TPostSummary, TViewer } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import { moderationMarks } from "../safety/moderation-marks.js";

/**
 * Posts as the viewer gets them: a post of theirs that others no longer see carries
 * why (the decision, or "held for review"); nobody else ever gets a hidden post.
 */
export async function withModerationMarks<Post extends TPostSummary & { hidden: boolean }>(
  db: Db,
  posts: Post[],
  viewer: TViewer | null,
): Promise<(Omit<Post, "hidden"> & Pick<TPostSummary, "moderation">)[]> {
  const mine = posts.filter((post) => post.hidden && post.author.id === viewer?.userId).map((post) => String(post.id));
  const marks = await moderationMarks(db, "post", mine);
  // A summary stays a summary and a whole post a whole post: only `hidden` goes.
  return posts.map(({ hidden: _hidden, ...post }) => ({ ...post, moderation: marks.get(String(post.id)) ?? null }));
}
