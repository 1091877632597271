import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useI18n } from "../../i18n/i18n";
import type { ShownMessage } from "./use-room";

const draftKey = (roomId: number) => `orgo.chat.draft.${roomId}`;

/**
 * Enter sends, Shift+Enter breaks the line, ↑ in an empty box edits my last message
 * (Enter saves, Esc cancels). Each room keeps its own draft in the browser.
 */
export function ChatComposer(props: {
  roomId: number;
  lastMine: ShownMessage | undefined;
  editing: ShownMessage | null;
  onEditStart: (message: ShownMessage) => void;
  onEditEnd: () => void;
  onSend: (body: string) => void;
  onSave: (seq: number, body: string) => Promise<unknown>;
  onTyping: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(() => localStorage.getItem(draftKey(props.roomId)) ?? "");
  const box = useRef<HTMLTextAreaElement>(null);

  // Editing starts from ↑ here or from a message's Edit: its text replaces the box's.
  const [shownEditing, setShownEditing] = useState<ShownMessage | null>(null);
  if (props.editing !== shownEditing) {
    setShownEditing(props.editing);
    if (props.editing) setText(props.editing.body);
  }
  useEffect(() => {
    if (props.editing) box.current?.focus();
  }, [props.editing]);
  useEffect(() => {
    if (props.editing) return;
    const timer = setTimeout(() => {
      if (text) localStorage.setItem(draftKey(props.roomId), text);
      else localStorage.removeItem(draftKey(props.roomId));
    }, 300);
    return () => clearTimeout(timer);
  }, [text, props.roomId, props.editing]);

  const submit = async () => {
    const body = text.trim();
    if (!body) return;
    if (props.editing) {
      await props.onSave(props.editing.seq, body);
      props.onEditEnd();
      setText(localStorage.getItem(draftKey(props.roomId)) ?? "");
      return;
    }
    props.onSend(body);
    setText("");
    localStorage.removeItem(draftKey(props.roomId));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void submit();
    } else if (event.key === "ArrowUp" && !text && props.lastMine && !props.editing) {
      event.preventDefault();
      props.onEditStart(props.lastMine);
    } else if (event.key === "Escape" && props.editing) {
      event.preventDefault();
      props.onEditEnd();
      setText(localStorage.getItem(draftKey(props.roomId)) ?? "");
    }
  };

  return (
    <form
      className="chat__composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {props.editing && <p className="muted small">{t("chat.editing")}</p>}
      <textarea
        ref={box}
        className="input chat__input"
        aria-label={t("chat.placeholder")}
        placeholder={t("chat.placeholder")}
        rows={2}
        maxLength={4_000}
        value={text}
        autoFocus
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value && !props.editing) props.onTyping();
        }}
        onKeyDown={onKeyDown}
        data-testid="chat-input"
      />
      <button type="submit" className="button button--primary" disabled={!text.trim()}>
        {props.editing ? t("chat.save") : t("chat.send")}
      </button>
    </form>
  );
}
