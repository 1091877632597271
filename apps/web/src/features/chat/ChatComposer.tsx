import {
  useEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import "./chat-messages";
import { X } from "lucide-react";
import { CHAT_FILES_MAX, CHAT_IMAGES_MAX, FILE_MAX_BYTES, plainExcerpt } from "@orgo/api-contract/constants";
import type { TSharedFile, TUploadedImage } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { MentionTextarea } from "../mentions/MentionTextarea";
import { uploadSharedFile, uploadPostImage } from "../../lib/upload";
import { useUploads, type Upload } from "../../lib/use-uploads";
import { describeError } from "../../i18n/describe-error";
import { FileChip } from "../../ui/files/SharedFiles";
import { PHONE_QUERY, useMediaQuery } from "../../lib/use-media-query";
import type { ShownMessage } from "./use-room";
import "./replies/replies.css";
import "./chat.css";

/** Where a room's unsent text waits in this browser. */
export const roomDraftKey = (roomId: number) => `orgo.chat.draft.${roomId}`;
/** …and the first message to someone I have no conversation with yet. */
export const newConversationDraftKey = (userId: string) => `orgo.chat.draft.to.${userId}`;

/**
 * Enter sends, Shift+Enter breaks the line, ↑ in an empty box edits my last message
 * (Enter saves, Esc cancels). Each room keeps its own draft in the browser.
 */
export function ChatComposer(props: {
  draftKey: string;
  /** The first message of a conversation not made yet. */
  first?: boolean;
  lastMine: ShownMessage | undefined;
  editing: ShownMessage | null;
  /** The message the next one answers (shown above the box; Escape or × drops it). */
  replyingTo?: ShownMessage | null;
  onReplyEnd?: () => void;
  onEditStart: (message: ShownMessage) => void;
  onEditEnd: () => void;
  /** A promise (the first message, which opens the room) keeps the text until it resolves, and on failure. */
  onSend: (body: string, images: TUploadedImage[], files: TSharedFile[]) => void | Promise<unknown>;
  onSave: (seq: number, body: string) => Promise<unknown>;
  onTyping: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  // A phone has no Shift+Enter or ↑ to teach: its box just says what it is for.
  // Before the first message there is no "last" to edit with ↑: the hint does not offer it.
  const phone = useMediaQuery(PHONE_QUERY);
  const hint = phone ? t("chat.placeholderPhone") : props.first ? t("chat.placeholderFirst") : t("chat.placeholder");
  const [text, setText] = useState(() => localStorage.getItem(props.draftKey) ?? "");
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const filePicker = useRef<HTMLInputElement>(null);
  // Pictures go through the image pipeline; anything else is a shared file (PDF, ZIP, text and code).
  const pictures = useUploads<TUploadedImage>();
  const files = useUploads<TSharedFile>();
  const uploading = pictures.pending || files.pending;
  const ready = pictures.items.flatMap((a) => (a.result ? [a.result] : []));
  const readyFiles = files.items.flatMap((a) => (a.result ? [a.result] : []));

  /**
   * Pictures and files by pick, drop or paste: each uploads at once, with progress:
   * pictures through the image pipeline, anything else as a shared file (what it is,
   * the server decides from its bytes). Over 20 MB is refused here, before sending.
   */
  const attach = (picked: Iterable<File>) => {
    let pictureRoom = CHAT_IMAGES_MAX - pictures.items.length;
    let fileRoom = CHAT_FILES_MAX - files.items.length;
    for (const file of picked) {
      if (file.type.startsWith("image/")) {
        if (pictureRoom-- > 0) pictures.start(file, uploadPostImage);
      } else if (fileRoom-- > 0) {
        files.start(file, uploadSharedFile, { refusal: file.size > FILE_MAX_BYTES ? t("files.tooLarge") : null });
      }
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    if (event.clipboardData.files.length) {
      event.preventDefault();
      attach(event.clipboardData.files);
    }
  };
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    if (!event.dataTransfer.files.length) return;
    event.preventDefault();
    attach(event.dataTransfer.files);
  };

  // Editing starts from ↑ here or from a message's Edit: its text replaces the box's.
  const [shownEditing, setShownEditing] = useState<ShownMessage | null>(null);
  if (props.editing !== shownEditing) {
    setShownEditing(props.editing);
    if (props.editing) setText(props.editing.body);
  }
  useEffect(() => {
    if (props.editing || props.replyingTo) box.current?.focus();
  }, [props.editing, props.replyingTo]);
  useEffect(() => {
    if (props.editing) return;
    const timer = setTimeout(() => {
      if (text) localStorage.setItem(props.draftKey, text);
      else localStorage.removeItem(props.draftKey);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, props.draftKey, props.editing]);

  const submit = async () => {
    const body = text.trim();
    if (sending || (props.editing ? !body : (!body && ready.length === 0 && readyFiles.length === 0) || uploading))
      return;
    if (props.editing) {
      await props.onSave(props.editing.seq, body);
      props.onEditEnd();
      setText(localStorage.getItem(props.draftKey) ?? "");
      return;
    }
    const sent = props.onSend(body, ready, readyFiles);
    if (sent) {
      setSending(true);
      try {
        await sent;
      } catch {
        return; // the caller says why; the text stays to send again
      } finally {
        setSending(false);
      }
    }
    setText("");
    pictures.clear();
    files.clear();
    localStorage.removeItem(props.draftKey);
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
      setText(localStorage.getItem(props.draftKey) ?? "");
    } else if (event.key === "Escape" && props.replyingTo) {
      event.preventDefault();
      props.onReplyEnd?.();
    }
  };

  return (
    <form
      className="chat__composer"
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {props.editing && <p className="muted small">{t("chat.editing")}</p>}
      {!props.editing && props.replyingTo && (
        <p className="chat__replying small" data-testid="replying-to">
          <span>
            {t("chat.replyingTo", { name: props.replyingTo.author?.displayName ?? t("chat.deletedAccount") })}
            {": "}
            <span className="muted">{plainExcerpt(props.replyingTo.body, 80)}</span>
          </span>
          <button
            type="button"
            className="button button--link small"
            aria-label={t("chat.cancelReply")}
            title={t("chat.cancelReply")}
            onClick={props.onReplyEnd}
          >
            <X size={14} aria-hidden />
          </button>
        </p>
      )}
      <MentionTextarea
        ref={box}
        setValue={setText}
        listAbove
        className="input chat__input"
        aria-label={hint}
        placeholder={hint}
        rows={2}
        maxLength={4_000}
        value={text}
        autoFocus
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value && !props.editing) props.onTyping();
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        data-testid="chat-input"
      />
      {pictures.items.length + files.items.length > 0 && (
        <ul className="chat__attachments" data-testid="chat-attachments">
          {pictures.items.map((a) => (
            <AttachmentRow key={a.key} upload={a} onRemove={() => pictures.drop(a.key)}>
              {a.result && <img src={a.result.url} alt={a.name} />}
            </AttachmentRow>
          ))}
          {files.items.map((a) => (
            <AttachmentRow key={a.key} upload={a} named onRemove={() => files.drop(a.key)}>
              {a.result && <FileChip file={a.result} />}
            </AttachmentRow>
          ))}
        </ul>
      )}
      <div className="chat__composer-actions">
        {[
          { ref: picker, accept: "image/*", testId: "chat-picture-input" },
          { ref: filePicker, accept: undefined, testId: "chat-file-input" },
        ].map((input) => (
          <input
            key={input.testId}
            ref={input.ref}
            type="file"
            accept={input.accept}
            multiple
            hidden
            onChange={(event) => {
              if (event.target.files) attach(event.target.files);
              event.target.value = "";
            }}
            data-testid={input.testId}
          />
        ))}
        {!props.editing && (
          <>
            <button
              type="button"
              className="button button--ghost"
              disabled={pictures.items.length >= CHAT_IMAGES_MAX}
              onClick={() => picker.current?.click()}
            >
              {t("chat.addPicture")}
            </button>
            <button
              type="button"
              className="button button--ghost"
              disabled={files.items.length >= CHAT_FILES_MAX}
              onClick={() => filePicker.current?.click()}
              data-testid="chat-add-file"
            >
              {t("chat.addFile")}
            </button>
          </>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={
            sending ||
            uploading ||
            (props.editing ? !text.trim() : !text.trim() && ready.length === 0 && readyFiles.length === 0)
          }
        >
          {props.editing ? t("chat.save") : t("chat.send")}
        </button>
      </div>
    </form>
  );
}

/**
 * One attachment under the box: what it shows once uploaded (`children`), else its
 * progress or why it was refused (a file's with its name), and × to take it off.
 */
function AttachmentRow<T>(props: { upload: Upload<T>; named?: boolean; onRemove: () => void; children: ReactNode }) {
  const i18n = useI18n();
  const { upload } = props;
  return (
    <li>
      {props.children || (
        <span
          className={`small${upload.error ? " chat__attachment-error" : " muted"}`}
          role={upload.error ? "alert" : undefined}
        >
          {props.named && `${upload.name}: `}
          {upload.error ? describeError(upload.error, i18n) : `${Math.round(upload.progress * 100)}%`}
        </span>
      )}
      <button
        type="button"
        className="button button--link small"
        aria-label={i18n.t("chat.removePicture", { name: upload.name })}
        onClick={props.onRemove}
      >
        ✕
      </button>
    </li>
  );
}
