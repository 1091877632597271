import type { TFeedPage, TPostSummary } from "@orgo/api-contract/schemas";

interface InfiniteFeed {
  pages: TFeedPage[];
  pageParams: unknown[];
}

/** Puts posts at the top of a cached feed, newest first, each once (live event and own write may both bring one). */
export function prependPosts<T extends InfiniteFeed>(feed: T | undefined, posts: TPostSummary[]): T | undefined {
  if (!feed) return feed;
  const shown = new Set(feed.pages.flatMap((page) => page.items.map((item) => item.id)));
  const fresh = posts.filter((post) => !shown.has(post.id)).sort((a, b) => b.id - a.id);
  const [first, ...rest] = feed.pages;
  if (!first || fresh.length === 0) return feed;
  return { ...feed, pages: [{ ...first, items: [...fresh, ...first.items] }, ...rest] };
}

export const prependPost = <T extends InfiniteFeed>(feed: T | undefined, post: TPostSummary) =>
  prependPosts(feed, [post]);

/** Takes a deleted post out of a cached feed. */
export function dropPost<T extends InfiniteFeed>(feed: T | undefined, postId: number): T | undefined {
  if (!feed?.pages.some((page) => page.items.some((item) => item.id === postId))) return feed;
  return { ...feed, pages: feed.pages.map((page) => ({ ...page, items: page.items.filter((p) => p.id !== postId) })) };
}
