import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { TComment } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { MentionTextarea } from "../mentions/MentionTextarea";
import { trpc } from "../../lib/trpc";
import { isUnreachable } from "../../i18n/describe-error";
import { showToast } from "../../lib/toast";
import { enqueue, useOutbox, type OutboxItem } from "../outbox/outbox-store";
import { FormError } from "../../ui/FormError";
import { Avatar } from "../../ui/Avatar";
import { RelativeTime } from "../../ui/RelativeTime";
import { useHotkeys } from "../../lib/hotkeys";
import { Markdown } from "../../ui/markdown/Markdown";
import { useMe } from "../auth/use-me";
import { ModerationNote } from "../moderation/ModerationNote";
import { ReportButton } from "../moderation/ReportButton";

/**
 * Comments of a post, oldest first, with one level of inline replies. `focus`, a
 * comment a notification points at, is brought into view and marked for a moment;
 * pages are loaded until it is there.
 */
export function CommentThread({ postId, focus }: { postId: number; focus: number | null }) {
  const { t } = useI18n();
  const me = useMe();
  const list = trpc.comment.list.useInfiniteQuery(
    { postId, limit: 20 },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const threads = list.data?.pages.flatMap((page) => page.items) ?? [];
  useFocusComment(focus, list);
  // My comments on this post still in the outbox, shown where they will land: a reply
  // under its comment, anything else (or a reply to a comment not loaded) at the end.
  const waiting = useOutbox(me.data?.id).filter(
    (item): item is WaitingCommentItem => item.kind === "comment" && item.input.postId === postId,
  );
  const shown = new Set(threads.map((thread) => thread.id));
  const waitingUnder = (threadId: number) => waiting.filter((item) => item.input.parentId === threadId);
  const waitingAtEnd = waiting.filter((item) => item.input.parentId == null || !shown.has(item.input.parentId));
  return (
    <section className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" className="section-title">
        {t("comments.title")}
      </h2>
      <ul className="comments__list" data-testid="comments">
        {threads.map((thread) => {
          const replies = waitingUnder(thread.id);
          return (
            <li key={thread.id} id={`comment-${thread.id}`}>
              <CommentView comment={thread} />
              {(thread.replies.length > 0 || replies.length > 0) && (
                <ul className="comments__replies">
                  {thread.replies.map((reply) => (
                    <li key={reply.id} id={`comment-${reply.id}`}>
                      <CommentView comment={reply} />
                    </li>
                  ))}
                  {replies.map((item) => (
                    <WaitingComment key={item.input.clientId} item={item} testId="comments-waiting-reply" />
                  ))}
                </ul>
              )}
              {me.data && !thread.deleted && <ReplyBox postId={postId} parentId={thread.id} />}
            </li>
          );
        })}
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

function CommentView({ comment }: { comment: TComment }) {
  const { t } = useI18n();
  const me = useMe();
  const utils = trpc.useUtils();
  const [editing, setEditing] = useState(false);
  const remove = trpc.comment.delete.useMutation({
    onSuccess: () => Promise.all([utils.comment.list.invalidate(), utils.post.invalidate()]),
  });
  if (comment.deleted || !comment.author) {
    return (
      <p className="comment comment--deleted muted small">
        {t(comment.hidden && !comment.deleted ? "moderation.hiddenComment" : "comments.deleted")}
      </p>
    );
  }
  const mine = me.data?.id === comment.author.id;
  return (
    <div className="comment">
      <div className="comment__meta small">
        <Avatar user={comment.author} size={20} />
        <Link to={`/u/${comment.author.handle}`}>{comment.author.displayName}</Link>
        <RelativeTime className="muted" date={comment.createdAt} />
        {comment.edited && <span className="muted">{t("content.edited")}</span>}
        {mine && !editing && (
          <>
            <button type="button" className="button button--ghost small" onClick={() => setEditing(true)}>
              {t("post.edit")}
            </button>
            <button
              type="button"
              className="button button--ghost small"
              onClick={() => remove.mutate({ id: comment.id })}
              disabled={remove.isPending}
            >
              {t("comments.delete")}
            </button>
          </>
        )}
        {!mine && <ReportButton target={{ kind: "comment", id: comment.id }} compact />}
      </div>
      {comment.moderation && <ModerationNote mark={comment.moderation} compact />}
      {editing ? (
        <EditBox comment={comment} onDone={() => setEditing(false)} />
      ) : (
        <div className="comment__body">
          <Markdown source={comment.body} />
        </div>
      )}
    </div>
  );
}

function EditBox({ comment, onDone }: { comment: TComment; onDone: () => void }) {
  const { t } = useI18n();
  const utils = trpc.useUtils();
  const [body, setBody] = useState(comment.body);
  const update = trpc.comment.update.useMutation({
    onSuccess: async () => {
      await utils.comment.list.invalidate({ postId: comment.postId });
      onDone();
    },
  });
  return (
    <form
      className="comment-box"
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim() && !update.isPending) update.mutate({ id: comment.id, body });
      }}
    >
      <MentionTextarea
        aria-label={t("comments.editLabel")}
        rows={3}
        value={body}
        setValue={setBody}
        onChange={(e) => setBody(e.target.value)}
      />
      <FormError error={update.error} />
      <div className="form__actions">
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t("composer.cancel")}
        </button>
        <button type="submit" className="button button--primary" disabled={update.isPending || !body.trim()}>
          {t("settings.save")}
        </button>
      </div>
    </form>
  );
}

function CommentBox({ postId, parentId, onDone }: { postId: number; parentId?: number; onDone?: () => void }) {
  const { t } = useI18n();
  const utils = trpc.useUtils();
  const [body, setBody] = useState("");
  const me = useMe();
  const create = trpc.comment.create.useMutation({
    onSuccess: async () => {
      setBody("");
      onDone?.();
      await Promise.all([utils.comment.list.invalidate({ postId }), utils.post.invalidate()]);
    },
    // No answer from the server: the comment waits in the outbox (same client id).
    onError: (error, input) => {
      if (!isUnreachable(error) || !me.data || !input.clientId) return;
      enqueue(me.data.id, { kind: "comment", input: { ...input, clientId: input.clientId } });
      create.reset();
      setBody("");
      onDone?.();
      showToast(t("outbox.saved"), {});
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() && !create.isPending) create.mutate({ postId, parentId, body, clientId: crypto.randomUUID() });
  };
  const label = parentId ? t("comments.replyLabel") : t("comments.label");
  // "c" goes to the post's comment box (not a reply's).
  const box = useRef<HTMLTextAreaElement>(null);
  useHotkeys({
    keys: {
      c: () => {
        box.current?.focus();
        box.current?.scrollIntoView({ block: "center" });
      },
    },
    enabled: parentId === undefined,
  });
  return (
    <form className="comment-box" onSubmit={submit}>
      <MentionTextarea
        ref={box}
        setValue={setBody}
        aria-label={label}
        placeholder={label}
        rows={parentId ? 2 : 3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
        }}
      />
      <FormError error={create.error} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending || !body.trim()}>
          {parentId ? t("comments.reply") : t("comments.submit")}
        </button>
      </div>
    </form>
  );
}

function ReplyBox({ postId, parentId }: { postId: number; parentId: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button--ghost small comments__reply" onClick={() => setOpen(true)}>
        {t("comments.reply")}
      </button>
    );
  }
  return (
    <div className="comments__replies">
      <CommentBox postId={postId} parentId={parentId} onDone={() => setOpen(false)} />
    </div>
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
