import { useMemo, useState } from "react";
import { skipToken } from "@tanstack/react-query";
import type { TFeedKind, TPostSummary } from "@orgo/api-contract/schemas";
import { trpc } from "../../lib/trpc";
import { prependPost } from "./feed-cache";

export const FEED_INPUT = { kind: "latest", limit: 20 } as const;
const inputOf = (kind: TFeedKind) => ({ kind, limit: 20 }) as const;

/**
 * A feed, paged by cursor. On Latest, new posts streamed over the websocket are
 * put at the top of the cached first page. The subscription starts from the newest
 * post the first page showed, so a post written between the query and the
 * subscription is not missed; reconnects resume from the last tracked id.
 */
export function useLiveFeed(kind: TFeedKind) {
  const utils = trpc.useUtils();
  const query = trpc.post.feed.useInfiniteQuery(inputOf(kind), {
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
  const [freshIds, setFreshIds] = useState<ReadonlySet<number>>(new Set());

  // Fixed once the first page has loaded; changing it would resubscribe.
  const [startAfter, setStartAfter] = useState<number | null>(null);
  const headId = query.data?.pages[0]?.items[0]?.id ?? 0;
  if (startAfter === null && query.isSuccess && kind === "latest") setStartAfter(headId);

  trpc.post.onCreated.useSubscription(startAfter === null ? skipToken : { lastEventId: String(startAfter) }, {
    onData: ({ data: post }) => {
      utils.post.feed.setInfiniteData(FEED_INPUT, (old) => prependPost(old, post));
      setFreshIds((ids) => new Set(ids).add(post.id));
    },
  });

  const posts = useMemo<TPostSummary[]>(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { query, posts, freshIds };
}
