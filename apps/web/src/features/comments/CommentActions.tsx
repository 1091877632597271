import { useState } from "react";
import { Flag, Link2, Pencil, Trash2 } from "lucide-react";
import type { TComment, TLikeState } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { appLink, copyLink } from "../../lib/copy-link";
import { useLikeToggle } from "../../lib/use-like-toggle";
import { ActionsMenu, ActionsMenuItem } from "../../ui/ActionsMenu";
import { LikeToggle } from "../../ui/LikeToggle";
import { ConfirmDialog } from "../../ui/ConfirmButton";
import { useMe } from "../auth/use-me";
import { LazyReportDialog } from "../moderation/ReportButton";
import { COMMENT_PAGE } from "./comment-page";
import "./comments.css";

/** A comment's address: the post, opened at it (and marked). */
const commentLink = (comment: TComment) => appLink(`/posts/${comment.postId}#comment-${comment.id}`);

/**
 * ♡ and its count, beside the comment: turns at once, the server's answer is stored
 * in the thread's cache (the list is read again only when something else changes).
 */
export function CommentLike({ comment }: { comment: TComment }) {
  const { t } = useI18n();
  const me = useMe();
  const utils = trpc.useUtils();
  const like = trpc.comment.like.useMutation();
  const unlike = trpc.comment.unlike.useMutation();
  const { state, toggle, error } = useLikeToggle(
    { liked: comment.likedByMe, likeCount: comment.likeCount },
    (on) => (on ? like : unlike).mutateAsync({ id: comment.id }),
    (answer) =>
      utils.comment.list.setInfiniteData(
        { postId: comment.postId, limit: COMMENT_PAGE },
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((thread) => withLikes(thread, comment.id, answer)),
            })),
          },
      ),
  );
  return (
    <LikeToggle
      state={state}
      onToggle={toggle}
      error={error}
      signedIn={Boolean(me.data)}
      signInHint={t("comments.signInToLike")}
      className="button button--link small comment__like"
      label={t("comments.like", { count: state.likeCount })}
      testId="comment-like"
    >
      {state.likeCount > 0 && <span aria-hidden> {state.likeCount}</span>}
    </LikeToggle>
  );
}

/** The thread with one comment's (or one of its replies') likes as the server answered. */
function withLikes<T extends TComment & { replies: TComment[] }>(thread: T, id: number, answer: TLikeState): T {
  const apply = <C extends TComment>(comment: C): C =>
    comment.id === id ? { ...comment, likedByMe: answer.liked, likeCount: answer.likeCount } : comment;
  return { ...apply(thread), replies: thread.replies.map(apply) };
}

/**
 * The "…" menu: copy its link; edit and delete (asked first) on mine; report on
 * someone else's (signed in).
 */
export function CommentMenu({ comment, onEdit }: { comment: TComment; onEdit: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const utils = trpc.useUtils();
  const [open, setOpen] = useState<"delete" | "report" | null>(null);
  const remove = trpc.comment.delete.useMutation({
    onSuccess: () => Promise.all([utils.comment.list.invalidate(), utils.post.invalidate()]),
  });
  const mine = me.data ? me.data.id === comment.author?.id : false;
  return (
    <>
      <ActionsMenu label={t("comments.more", { name: comment.author?.displayName ?? "" })} testId="comment-menu">
        <ActionsMenuItem
          icon={<Link2 aria-hidden size={16} />}
          onSelect={() => copyLink(commentLink(comment), t("content.linkCopied"))}
        >
          {t("content.copyLink")}
        </ActionsMenuItem>
        {mine && (
          <>
            <ActionsMenuItem icon={<Pencil aria-hidden size={16} />} onSelect={onEdit}>
              {t("post.edit")}
            </ActionsMenuItem>
            <ActionsMenuItem icon={<Trash2 aria-hidden size={16} />} onSelect={() => setOpen("delete")} danger>
              {t("comments.delete")}
            </ActionsMenuItem>
          </>
        )}
        {!mine && me.data && (
          <ActionsMenuItem icon={<Flag aria-hidden size={16} />} onSelect={() => setOpen("report")} danger>
            {t("report.open")}
          </ActionsMenuItem>
        )}
      </ActionsMenu>
      <ConfirmDialog
        open={open === "delete"}
        onClose={() => setOpen(null)}
        label={t("comments.delete")}
        title={t("comments.deleteTitle")}
        explain={t("comments.deleteExplain")}
        onConfirm={() => remove.mutateAsync({ id: comment.id })}
      />
      {open === "report" && (
        <LazyReportDialog target={{ kind: "comment", id: comment.id }} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
