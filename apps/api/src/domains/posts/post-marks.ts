import type { TPostSummary, TViewer } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import { moderationMarks } from "../safety/moderation-marks.js";

/**
 * Posts as the viewer gets them: a post of theirs that others no longer see carries
 * why (the decision, or "held for review"); nobody else ever gets a hidden post.
 */
export async function withModerationMarks(
  db: Db,
  posts: (TPostSummary & { hidden: boolean })[],
  viewer: TViewer | null,
): Promise<TPostSummary[]> {
  const mine = posts.filter((post) => post.hidden && post.author.id === viewer?.userId).map((post) => String(post.id));
  const marks = await moderationMarks(db, "post", mine);
  return posts.map(({ hidden: _hidden, ...post }) => ({ ...post, moderation: marks.get(String(post.id)) ?? null }));
}
