import { useCallback, useState } from "react";
import type { TPostChange } from "@orgo/api-contract/schemas";
import { trpc } from "../../lib/trpc";
import { useRefetchOnRestart } from "../../lib/use-restart";

/**
 * An open post, live: like, comment and view counts move as others act, changed
 * comments are refetched in place (oldest first, so nothing above the reader moves),
 * and its leaving the lists is reported. Returns whether it left them meanwhile: its
 * author deleted it, or moderators hid it (then it is fetched again, which tells
 * which, and its author still sees it, marked).
 */
export function useLivePost(postId: number): { deleted: boolean } {
  const utils = trpc.useUtils();
  const [deleted, setDeleted] = useState(false);
  const refetch = useCallback(() => {
    void utils.post.byId.invalidate({ id: postId });
    void utils.comment.list.invalidate({ postId });
  }, [utils, postId]);
  const onStarted = useRefetchOnRestart(refetch);
  trpc.post.onChange.useSubscription(
    { id: postId },
    {
      onData: (change: TPostChange) => {
        if (change.kind === "deleted") {
          setDeleted(true);
          return void utils.post.byId.invalidate({ id: postId });
        }
        const { likeCount, commentCount, viewCount } = change;
        utils.post.byId.setData({ id: postId }, (old) => old && { ...old, likeCount, commentCount, viewCount });
        if (change.comments) void utils.comment.list.invalidate({ postId });
      },
      onStarted,
    },
  );
  return { deleted };
}
