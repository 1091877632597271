import { useDeferredValue, useEffect } from "react";
import type { TPostSummary, TSharedFile } from "@orgo/api-contract/schemas";
import { Link, useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { messageKeyOf } from "../../i18n/describe-error";
import { trpc } from "../../lib/trpc";
import { Avatar } from "../../ui/Avatar";
import { RelativeTime } from "../../ui/RelativeTime";
import { ImageGallery } from "../../ui/ImageGallery";
import { SharedFiles } from "../../ui/files/SharedFiles";
import { FormError } from "../../ui/FormError";
import { Markdown } from "../../ui/markdown/Markdown";
import { useMe } from "../auth/use-me";
import { useUi } from "../../lib/ui-state";
import { CommentThread } from "../comments/CommentThread";
import { LikeButton } from "./LikeButton";
import { useLivePost } from "./use-live-post";
import { DetailSkeleton } from "../../ui/DetailSkeleton";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { ModerationNote } from "../moderation/ModerationNote";
import { ReportButton } from "../moderation/ReportButton";
import { PostShare } from "./PostShare";
import "./feed.css";

/** The post in the detail pane: loaded by id (a deep link works), counted once as a view. */
export function PostDetail({
  postId,
  initial,
  commentId,
}: {
  postId: number;
  initial?: TPostSummary;
  commentId: number | null;
}) {
  const { t, tServer } = useI18n();
  const post = trpc.post.byId.useQuery({ id: postId }, { retry: false });
  const recordView = trpc.post.recordView.useMutation();
  const { mutate } = recordView;
  useEffect(() => mutate({ id: postId }), [postId, mutate]);
  const { deleted } = useLivePost(postId);
  if (post.error) {
    // Hidden by moderators is said as such (the server's words); gone is gone.
    if (messageKeyOf(post.error) === "hiddenByModerators") {
      return <p className="placeholder">{tServer("hiddenByModerators", post.error.message)}</p>;
    }
    return <p className="placeholder">{t(deleted ? "post.deletedMeanwhile" : "post.notFound")}</p>;
  }
  // The list's row (title, author, counts) shows at once; the body follows (lists carry excerpts).
  const shown = post.data ?? initial;
  if (!shown) return <DetailSkeleton />;
  // My own view may be answered after a live count that already includes it.
  return <PostView post={shown} views={Math.max(recordView.data ?? 0, shown.viewCount)} commentId={commentId} />;
}

function PostView({
  post,
  views,
  commentId,
}: {
  /** Without a body and files while the whole post loads. */
  post: TPostSummary & { body?: string; files?: TSharedFile[] };
  views: number;
  commentId: number | null;
}) {
  const { t, formatDate } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const remove = trpc.post.delete.useMutation({
    onSuccess: async () => {
      await utils.post.feed.invalidate();
      void navigate("/");
    },
  });
  const mine = me.data?.id === post.author.id;
  const { body, files } = post;
  // What goes under the body (actions, comments) is drawn in a transition after it:
  // the text first, then the rest in slices, never one long task on a slow phone.
  const bodyShown = useDeferredValue(body !== undefined, false);
  const ui = useUi();
  return (
    <article className="detail" aria-labelledby="post-title">
      <h1 id="post-title" className="detail__title">
        {post.title}
      </h1>
      <div className="detail__meta">
        <Avatar user={post.author} size={28} />
        <Link to={`/u/${post.author.handle}`} className="detail__author">
          {t("post.by", { name: post.author.displayName })} <span className="muted">@{post.author.handle}</span>
        </Link>
        <RelativeTime date={post.createdAt} />
        {/* updatedAt moves only when the author edits (likes and comments leave it). */}
        {post.updatedAt > post.createdAt && (
          <span className="muted" title={formatDate(post.updatedAt)}>
            {t("content.edited")}
          </span>
        )}
      </div>
      {post.moderation && <ModerationNote mark={post.moderation} />}
      {post.images.length > 0 && <ImageGallery images={post.images} className="detail__images" />}
      {files && files.length > 0 && <SharedFiles files={files} />}
      <div className="detail__body">
        {body === undefined ? <DetailSkeleton bodyOnly /> : <Markdown source={body} />}
      </div>
      {/* Below the body only once it is there: placed under the body's stand-in, they
          jumped when the text arrived (a layout shift Lighthouse counts). */}
      {body !== undefined && bodyShown && (
        <>
          <div className="detail__actions">
            <LikeButton post={post} />
            <span className="muted small">
              {t("post.comments", { count: post.commentCount })} · {t("post.views", { count: views })}
            </span>
            <PostShare post={post} />
            {mine && files !== undefined && (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => ui.editPost({ ...post, body, files })}
              >
                {t("post.edit")}
              </button>
            )}
            {mine && (
              <ConfirmButton
                label={t("post.delete")}
                title={t("post.deleteTitle")}
                explain={t("post.deleteConfirm")}
                onConfirm={() => remove.mutateAsync({ id: post.id })}
              />
            )}
            {!mine && <ReportButton target={{ kind: "post", id: post.id }} />}
          </div>
          <FormError error={remove.error} />
          <CommentThread postId={post.id} focus={commentId} />
        </>
      )}
    </article>
  );
}
