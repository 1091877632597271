import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { TComment } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { MentionTextarea } from "../mentions/MentionTextarea";
import { trpc } from "../../lib/trpc";
import { FormError } from "../../ui/FormError";
import { Avatar } from "../../ui/Avatar";
import { RelativeTime } from "../../ui/RelativeTime";
import { Markdown } from "../../ui/markdown/Markdown";
import { ModerationNote } from "../moderation/ModerationNote";
import { CommentLike, CommentMenu } from "./CommentActions";
import "./comments.css";

/**
 * One comment: who and when, what was said, and under it what people do most — like
 * and reply — with the rest in its "…" menu. A deleted or hidden one is a placeholder.
 */
export function CommentView({ comment, onReply }: { comment: TComment; onReply?: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  if (comment.deleted || !comment.author) {
    return (
      <p className="comment comment--deleted muted small">
        {t(comment.hidden && !comment.deleted ? "moderation.hiddenComment" : "comments.deleted")}
      </p>
    );
  }
  return (
    <div className="comment">
      <div className="comment__meta small">
        <Avatar user={comment.author} size={20} />
        <Link to={`/u/${comment.author.handle}`}>{comment.author.displayName}</Link>
        <RelativeTime className="muted" date={comment.createdAt} />
        {comment.edited && <span className="muted">{t("content.edited")}</span>}
      </div>
      {comment.moderation && <ModerationNote mark={comment.moderation} compact />}
      {editing ? (
        <EditBox comment={comment} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div className="comment__body">
            <Markdown source={comment.body} />
          </div>
          <div className="comment__actions">
            <CommentLike comment={comment} />
            {onReply && (
              <button type="button" className="button button--link small" onClick={onReply}>
                {t("comments.reply")}
              </button>
            )}
            <CommentMenu comment={comment} onEdit={() => setEditing(true)} />
          </div>
        </>
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
  // Opened from the menu: the text is where the keyboard goes.
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <form
      className="comment-box"
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim() && !update.isPending) update.mutate({ id: comment.id, body });
      }}
    >
      <MentionTextarea
        ref={box}
        aria-label={t("comments.editLabel")}
        rows={3}
        value={body}
        setValue={setBody}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") onDone();
        }}
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
