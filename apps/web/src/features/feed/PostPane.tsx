import { Suspense } from "react";
import type { TPostSummary } from "@orgo/api-contract/schemas";
import { lazyPage } from "../../lib/lazy-page";
import { DetailSkeleton } from "../../ui/DetailSkeleton";

// The open post (comments, their composer, Markdown) is a chunk of its own: a list
// paints first.
const PostDetail = lazyPage(() => import("./PostDetail"), "PostDetail");

/** A post in a detail pane, wherever a list opens one (feed, profile, search, notifications). */
export function PostPane({
  postId,
  initial,
  commentId,
}: {
  postId: number;
  initial?: TPostSummary;
  /** A comment to bring into view and mark (a notification's, or the address's #comment-<id>). */
  commentId?: number | null;
}) {
  return (
    <Suspense fallback={<DetailSkeleton />}>
      <PostDetail key={postId} postId={postId} initial={initial} commentId={commentId ?? null} />
    </Suspense>
  );
}
