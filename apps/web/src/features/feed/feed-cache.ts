import type { TFeedPage, TPostSummary } from "@orgo/api-contract/schemas";

interface InfiniteFeed {
  pages: TFeedPage[];
  pageParams: unknown[];
}

/** Puts a new post at the top of a cached feed, once (live event and own write may both bring it). */
export function prependPost<T extends InfiniteFeed>(feed: T | undefined, post: TPostSummary): T | undefined {
  if (!feed || feed.pages.some((page) => page.items.some((item) => item.id === post.id))) return feed;
  const [first, ...rest] = feed.pages;
  if (!first) return feed;
  return { ...feed, pages: [{ ...first, items: [post, ...first.items] }, ...rest] };
}
