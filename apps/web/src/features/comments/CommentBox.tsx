import { useEffect, useRef, useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/i18n";
import { MentionTextarea } from "../mentions/MentionTextarea";
import { trpc } from "../../lib/trpc";
import { isUnreachable } from "../../i18n/describe-error";
import { showToast } from "../../lib/toast";
import { enqueue } from "../outbox/outbox-store";
import { FormError } from "../../ui/FormError";
import { useHotkeys } from "../../lib/hotkeys";
import { useMe } from "../auth/use-me";
import "./comments.css";

/**
 * The box under a post (`parentId` unset) or under a thread (a reply, opened by a
 * comment's Reply with `start`: "@leo " when answering a reply). Without an answer
 * from the server the text waits in the outbox, with the same client id.
 */
export function CommentBox(props: { postId: number; parentId?: number; start?: string; onDone?: () => void }) {
  const { postId, parentId, onDone } = props;
  const { t } = useI18n();
  const utils = trpc.useUtils();
  const [body, setBody] = useState(props.start ?? "");
  const me = useMe();
  const create = trpc.comment.create.useMutation({
    onSuccess: async () => {
      setBody("");
      onDone?.();
      await Promise.all([utils.comment.list.invalidate({ postId }), utils.post.invalidate()]);
    },
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
  // A reply opened by Reply starts in its box, after the name it answers.
  const opened = parentId !== undefined;
  useEffect(() => {
    const field = box.current;
    if (!opened || !field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [opened]);
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
          if (e.key === "Escape" && parentId !== undefined && !body.trim()) onDone?.();
        }}
      />
      <FormError error={create.error} />
      <div className="form__actions">
        {parentId !== undefined && (
          <button type="button" className="button button--ghost" onClick={onDone}>
            {t("composer.cancel")}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={create.isPending || !body.trim()}>
          {parentId ? t("comments.reply") : t("comments.submit")}
        </button>
      </div>
    </form>
  );
}
