import { useCallback, useMemo, useState } from "react";
import { skipToken } from "@tanstack/react-query";
import { feedKinds } from "@orgo/api-contract/constants";
import type { TFeedKind, TPostSummary } from "@orgo/api-contract/schemas";
import { trpc } from "../../lib/trpc";
import { useMe } from "../auth/use-me";
import { dropPost, prependPosts } from "./feed-cache";

export const FEED_INPUT = { kind: "latest", limit: 20 } as const;
const inputOf = (kind: TFeedKind) => ({ kind, limit: 20 }) as const;

/**
 * A feed, paged by cursor, live without moving under the reader: new posts streamed
 * over the websocket wait in `pending` ("N new posts") until `showPending` puts them
 * at the top; deleted posts leave at once. Latest's stream starts from the newest
 * post its first page showed, so a post written between the query and the
 * subscription is not missed; reconnects resume from the last tracked id.
 */
export function useLiveFeed(kind: TFeedKind) {
  const utils = trpc.useUtils();
  const me = useMe();
  const query = trpc.post.feed.useInfiniteQuery(inputOf(kind), {
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
  });
  const [pending, setPending] = useState<TPostSummary[]>([]);
  const [freshIds, setFreshIds] = useState<ReadonlySet<number>>(new Set());
  const [shownKind, setShownKind] = useState(kind);
  if (shownKind !== kind) {
    setShownKind(kind);
    setPending([]);
  }

  // Fixed once the first page has loaded; changing it would resubscribe.
  const [startAfter, setStartAfter] = useState<number | null>(null);
  if (startAfter === null && query.isSuccess && kind === "latest")
    setStartAfter(query.data.pages[0]?.items[0]?.id ?? 0);
  const subscribed = kind === "latest" ? startAfter !== null : query.isSuccess;

  const shown = useCallback(
    (id: number) => utils.post.feed.getInfiniteData(inputOf(kind))?.pages.some((p) => p.items.some((x) => x.id === id)),
    [utils, kind],
  );
  trpc.post.onCreated.useSubscription(
    subscribed ? (kind === "latest" ? { lastEventId: String(startAfter) } : {}) : skipToken,
    {
      onData: ({ data: post }) => {
        // My own post is already at the top (the composer put it there).
        if (post.author.id === me.data?.id || shown(post.id)) return;
        if (kind === "following") {
          // Only people I follow: their profile says so (cached, and live on its own).
          void utils.user.profile.fetch({ handle: post.author.handle }).then((author) => {
            if (author.followedByMe) setPending((list) => [...list, post]);
          });
          return;
        }
        setPending((list) => (list.some((p) => p.id === post.id) ? list : [...list, post]));
      },
    },
  );

  trpc.post.onDeleted.useSubscription(undefined, {
    onData: ({ postId }) => {
      for (const k of feedKinds) utils.post.feed.setInfiniteData(inputOf(k), (old) => dropPost(old, postId));
      setPending((list) => list.filter((p) => p.id !== postId));
    },
  });

  /** Puts the waiting posts at the top (Popular, ordered by likes, is fetched anew instead). */
  const showPending = useCallback(() => {
    if (kind === "popular") void utils.post.feed.invalidate(inputOf(kind));
    else utils.post.feed.setInfiniteData(inputOf(kind), (old) => prependPosts(old, pending));
    setFreshIds(new Set(pending.map((p) => p.id)));
    setPending([]);
  }, [kind, pending, utils]);

  const posts = useMemo<TPostSummary[]>(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { query, posts, freshIds, pending: pending.length, showPending };
}
