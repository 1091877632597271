import { useDeferredValue, useEffect, useRef, useState } from "react";
import type { TComment, TCommentThread } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { useOutbox, type OutboxItem } from "../outbox/outbox-store";
import { useMe } from "../auth/use-me";
import { CommentBox } from "./CommentBox";
import { CommentView } from "./CommentView";
import { COMMENT_PAGE } from "./comment-page";
import "./comments.css";

/**
 * Comments of a post, oldest first, with one level of inline replies. `focus`, a
 * comment a notification points at, is brought into view and marked for a moment;
 * pages are loaded until it is there.
 */
export function CommentThread({ postId, focus }: { postId: number; focus: number | null }) {
  const { t } = useI18n();
  const me = useMe();
  const list = trpc.comment.list.useInfiniteQuery(
    { postId, limit: COMMENT_PAGE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  // The comments are drawn in a transition once they arrive (React yields to the
  // browser between them): with the post's own first render, they were one long task
  // on a slow phone. A comment to bring into view is looked for once it is drawn.
  const data = useDeferredValue(list.data);
  const threads = data?.pages.flatMap((page) => page.items) ?? [];
  useFocusComment(focus, { ...list, data });
  // My comments on this post still in the outbox, shown where they will land: a reply
  // under its comment, anything else (or a reply to a comment not loaded) at the end.
  const waiting = useOutbox(me.data?.id).filter(
    (item): item is WaitingCommentItem => item.kind === "comment" && item.input.postId === postId,
  );
  const shown = new Set(threads.map((thread) => thread.id));
  const waitingAtEnd = waiting.filter((item) => item.input.parentId == null || !shown.has(item.input.parentId));
  return (
    <section className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" className="section-title">
        {t("comments.title")}
      </h2>
      <ul className="comments__list" data-testid="comments">
        {threads.map((thread) => (
          <Thread
            key={thread.id}
            thread={thread}
            waiting={waiting.filter((item) => item.input.parentId === thread.id)}
          />
        ))}
      </ul>
      {waitingAtEnd.length > 0 && (
        <ul className="comments__list" data-testid="comments-waiting">
          {waitingAtEnd.map((item) => (
            <WaitingComment key={item.input.clientId} item={item} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button type="button" className="button button--ghost" onClick={() => void list.fetchNextPage()}>
          {t("feed.loadMore")}
        </button>
      )}
      {me.data ? <CommentBox postId={postId} /> : <p className="muted small">{t("comments.signIn")}</p>}
    </section>
  );
}

/**
 * A comment and its replies (one level). Reply — on the comment or any reply — opens
 * the thread's reply box; from a reply it starts with "@name ", so its author is told.
 */
function Thread({ thread, waiting }: { thread: TCommentThread; waiting: WaitingCommentItem[] }) {
  const me = useMe();
  const [replying, setReplying] = useState<{ start: string } | null>(null);
  const canReply = Boolean(me.data) && !thread.deleted;
  const replyTo = (comment: TComment) => () =>
    setReplying({ start: comment.id === thread.id || !comment.author ? "" : `@${comment.author.handle} ` });
  return (
    <li id={`comment-${thread.id}`}>
      <CommentView comment={thread} onReply={canReply && !replying ? replyTo(thread) : undefined} />
      {(thread.replies.length > 0 || waiting.length > 0 || replying) && (
        <ul className="comments__replies">
          {thread.replies.map((reply) => (
            <li key={reply.id} id={`comment-${reply.id}`}>
              <CommentView comment={reply} onReply={canReply && !replying ? replyTo(reply) : undefined} />
            </li>
          ))}
          {waiting.map((item) => (
            <WaitingComment key={item.input.clientId} item={item} testId="comments-waiting-reply" />
          ))}
          {replying && (
            <li>
              <CommentBox
                postId={thread.postId}
                parentId={thread.id}
                start={replying.start}
                onDone={() => setReplying(null)}
              />
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

type WaitingCommentItem = OutboxItem & { kind: "comment" };

/** A comment of mine in the outbox: waiting, or refused (with why). */
function WaitingComment({ item, testId }: { item: WaitingCommentItem; testId?: string }) {
  const { t } = useI18n();
  return (
    <li className="comment comment--waiting" data-testid={testId}>
      <p className={item.state === "failed" ? "field__error small" : "muted small"}>
        {item.state === "failed" ? t("outbox.failedBecause", { reason: item.error ?? "" }) : t("outbox.waitingHere")}
      </p>
      <p className="comment__waiting-body">{item.input.body}</p>
    </li>
  );
}

/** How long a comment a notification opened stays marked. */
const FOCUS_MS = 4_000;

/**
 * Brings comment `focus` into view once it is on the page (loading further pages
 * until it is, or there are none) and marks it for FOCUS_MS (a class on its row,
 * `is-focused`; set on the element, as it is a moment's look, not the thread's state).
 */
function useFocusComment(
  focus: number | null,
  list: { data?: unknown; hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown },
): void {
  const shown = useRef<number | null>(null);
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (focus === null || shown.current === focus || data === undefined) return;
    const element = document.getElementById(`comment-${focus}`);
    if (!element) {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
      return;
    }
    shown.current = focus;
    element.scrollIntoView({ block: "center" });
    element.classList.add("is-focused");
    setTimeout(() => element.classList.remove("is-focused"), FOCUS_MS);
  }, [focus, data, hasNextPage, isFetchingNextPage, fetchNextPage]);
}
