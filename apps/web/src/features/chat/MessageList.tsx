import { Fragment, useEffect, useLayoutEffect, useRef, useState, type UIEvent } from "react";
import { useLocation } from "react-router";
import { Pin } from "lucide-react";
import "./pins/pins.css";
import "./chat-messages";
import type { TChatRoom } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { Avatar } from "../../ui/Avatar";
import { Markdown } from "../../ui/markdown/Markdown";
import { ImageGallery } from "../../ui/ImageGallery";
import { dateFormat } from "../../lib/date-format";
import type { ShownMessage } from "./use-room";
import { MessageReactions } from "./reactions/MessageReactions";
import { MessageActions } from "./MessageActions";
import { ReplyQuote } from "./replies/ReplyQuote";
import { LinkPreviewCard } from "./previews/LinkPreviewCard";
import { SharedFiles } from "../../ui/files/SharedFiles";
import { useGoToMessage } from "./replies/use-go-to-message";
import "./chat.css";

/** Messages of one author within a minute form one group, under one name. */
const sameGroup = (a: ShownMessage | undefined, b: ShownMessage) =>
  a !== undefined &&
  a.author?.id === b.author?.id &&
  Math.floor(a.createdAt.getTime() / 60_000) === Math.floor(b.createdAt.getTime() / 60_000);

const dayOf = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

/**
 * The conversation, oldest at the top: day separators in my time zone, a "new
 * messages" divider after where I stopped reading, read marks under my messages.
 * It stays at the bottom while I am there; older pages load as I scroll up without
 * moving what I am reading; scrolled up, new messages are counted on a "jump" button.
 */
export function MessageList(props: {
  room: TChatRoom;
  messages: ShownMessage[];
  meId: string | null;
  dividerAfter: number | null;
  reads: ReadonlyMap<string, number>;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  /** Pages stop before the present (gone to an old message): newer ones load as I scroll down. */
  atPresent: boolean;
  loadingNewer: boolean;
  loadNewer: () => void;
  /** Loads the page around a message (null: the newest). */
  loadAround: (seq: number | null) => void;
  /** Nothing is loading: a message looked for and not there is not there. */
  settled: boolean;
  onRetry: (clientId: string) => void;
  onEdit: (message: ShownMessage) => void;
  onDelete: (message: ShownMessage) => Promise<unknown>;
  /** Adds (`on`) or takes back my reaction to a sent message. */
  onReact: (message: ShownMessage, emoji: string, on: boolean) => void;
  /** Starts a reply to this message in the composer. */
  onReply: (message: ShownMessage) => void;
  onPin: (message: ShownMessage, on: boolean) => void;
  /** My message's link preview goes. */
  onRemovePreview: (message: ShownMessage) => void;
}) {
  const { t, language } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [unseen, setUnseen] = useState(0);
  const previous = useRef({
    first: props.messages[0]?.clientId,
    last: props.messages.at(-1)?.clientId,
    count: props.messages.length,
    height: 0,
  });
  const { meId } = props;
  const goTo = useGoToMessage(scroller, { ready: props.settled, around: props.loadAround });
  // A message's address (#message-<seq>: a copied link, a pinned message) goes to it, each time it is followed.
  const location = useLocation();
  const linkedSeq = /^#message-(\d+)$/.exec(location.hash)?.[1];
  const followed = useRef<string | null>(null);
  useEffect(() => {
    if (!linkedSeq || followed.current === location.key) return;
    followed.current = location.key;
    goTo(Number(linkedSeq));
  }, [linkedSeq, location.key, goTo]);
  const bySeq = new Map(props.messages.map((m) => [m.seq, m]));

  // Keep the reading position: at the bottom, follow new messages; when older ones are
  // added above, shift by their height so the same message stays in view. A message I
  // just sent is always brought into view, however far up I was reading.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    const first = props.messages[0]?.clientId;
    const lastMessage = props.messages.at(-1);
    const sentByMe =
      lastMessage !== undefined && lastMessage.clientId !== before.last && lastMessage.author?.id === meId;
    if (before.first !== undefined && first !== before.first && before.height > 0) {
      el.scrollTop += el.scrollHeight - before.height;
    } else if ((atBottom.current && props.atPresent) || sentByMe) {
      el.scrollTop = el.scrollHeight;
      if (sentByMe) {
        atBottom.current = true;
        setUnseen(0);
      }
    } else if (props.messages.length > before.count) {
      setUnseen((n) => n + props.messages.length - before.count);
    }
    previous.current = { first, last: lastMessage?.clientId, count: props.messages.length, height: el.scrollHeight };
  }, [props.messages, props.atPresent, meId]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (atBottom.current) setUnseen(0);
    if (el.scrollTop < 120 && props.hasOlder && !props.loadingOlder) props.loadOlder();
    const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 120;
    if (nearBottom && !props.atPresent && !props.loadingNewer) props.loadNewer();
  };
  const jump = () => {
    if (!props.atPresent) {
      // The newest pages replace the old ones: nothing to keep in place, go to the bottom.
      previous.current.first = undefined;
      props.loadAround(null);
    }
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setUnseen(0);
  };

  const dayLabel = (date: Date) => {
    const today = dayOf(new Date());
    const day = dayOf(date);
    if (day === today) return t("chat.today");
    if (day === today - 86_400_000) return t("chat.yesterday");
    return dateFormat(language, { dateStyle: "full" }).format(date);
  };
  const time = dateFormat(language, { timeStyle: "short" });
  const mine = (m: ShownMessage) => m.author?.id === props.meId;
  const reactable = (m: ShownMessage) => m.state === "sent" && !m.deleted && !m.hidden;
  const lastMineSent = [...props.messages].reverse().find((m) => mine(m) && m.state === "sent");
  const readersOf = (seq: number) => [...props.reads.values()].filter((s) => s >= seq).length;

  return (
    <div className="chat__scroller" ref={scroller} onScroll={onScroll} tabIndex={0} data-testid="chat-messages">
      {props.hasOlder ? (
        <p className="placeholder muted">{props.loadingOlder ? t("chat.loadingOlder") : ""}</p>
      ) : (
        <p className="placeholder muted">{props.messages.length ? t("chat.beginning") : t("chat.noMessages")}</p>
      )}
      <ol className="chat__messages">
        {props.messages.map((message, index) => {
          const before = props.messages[index - 1];
          const newDay = !before || dayOf(before.createdAt) !== dayOf(message.createdAt);
          const grouped = !newDay && sameGroup(before, message);
          const divider =
            props.dividerAfter !== null &&
            message.state === "sent" &&
            !mine(message) &&
            message.seq > props.dividerAfter &&
            (!before || before.seq <= props.dividerAfter || before.state !== "sent");
          return (
            <Fragment key={message.clientId}>
              {newDay && (
                <li className="chat__day" role="separator">
                  <span>{dayLabel(message.createdAt)}</span>
                </li>
              )}
              {divider && (
                <li className="chat__divider" role="separator" data-testid="new-messages">
                  <span>{t("chat.newMessages")}</span>
                </li>
              )}
              <li
                className={`chat__message${mine(message) ? " chat__message--mine" : ""}${grouped ? " chat__message--grouped" : ""}`}
                data-state={message.state}
                data-seq={message.state === "sent" ? message.seq : undefined}
                tabIndex={message.state === "sent" ? -1 : undefined}
              >
                {!grouped && (
                  <div className="chat__meta">
                    {message.author ? (
                      <Avatar user={message.author} size={24} />
                    ) : (
                      <span className="avatar avatar--ghost" aria-hidden />
                    )}
                    <strong>{message.author?.displayName ?? t("chat.deletedAccount")}</strong>
                    <time className="muted small" dateTime={message.createdAt.toISOString()}>
                      {time.format(message.createdAt)}
                    </time>
                  </div>
                )}
                {message.replyTo && (
                  <ReplyQuote quote={message.replyTo} original={bySeq.get(message.replyTo.seq)} onGo={goTo} />
                )}
                <div className="chat__bubble">
                  {message.deleted ? (
                    <p className="muted">{t("chat.deletedMessage")}</p>
                  ) : message.hidden ? (
                    <p className="muted">{t("moderation.hiddenMessage")}</p>
                  ) : (
                    <>
                      {message.body && <Markdown source={message.body} />}
                      {message.images.length > 0 && <ImageGallery images={message.images} className="chat__images" />}
                      {message.files.length > 0 && <SharedFiles files={message.files} />}
                    </>
                  )}
                  {message.edited && !message.deleted && <span className="muted small">{t("chat.edited")}</span>}
                  {message.pinned && (
                    <span className="chat__pinned muted small" data-testid="pinned-mark">
                      <Pin size={12} aria-hidden /> {t("chat.pinned")}
                    </span>
                  )}
                </div>
                {message.preview && (
                  <LinkPreviewCard
                    preview={message.preview}
                    onRemove={mine(message) ? () => props.onRemovePreview(message) : undefined}
                  />
                )}
                {message.reactions.length > 0 && (
                  <MessageReactions
                    reactions={message.reactions}
                    meId={meId}
                    canReact={reactable(message)}
                    onToggle={(emoji, on) => props.onReact(message, emoji, on)}
                  />
                )}
                {message.state === "pending" && <span className="muted small">{t("chat.sending")}</span>}
                {message.state === "failed" && (
                  <span className="chat__failed small" role="alert">
                    {t("chat.failed")}{" "}
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => props.onRetry(message.clientId)}
                    >
                      {t("chat.retrySend")}
                    </button>
                  </span>
                )}
                <MessageActions
                  message={message}
                  roomId={props.room.id}
                  mine={mine(message)}
                  onReact={(emoji) => props.onReact(message, emoji, true)}
                  onReply={() => props.onReply(message)}
                  onPin={(on) => props.onPin(message, on)}
                  onEdit={() => props.onEdit(message)}
                  onDelete={() => props.onDelete(message)}
                />
                {message === lastMineSent && readersOf(message.seq) > 0 && (
                  <span className="chat__read small muted" data-testid="read-mark">
                    {props.room.kind === "direct"
                      ? t("chat.read")
                      : t("chat.readBy", { count: readersOf(message.seq) })}
                  </span>
                )}
              </li>
            </Fragment>
          );
        })}
      </ol>
      {!props.atPresent && props.loadingNewer && <p className="placeholder muted">{t("chat.loadingNewer")}</p>}
      {(unseen > 0 || !props.atPresent) && (
        <button type="button" className="button chat__jump" onClick={jump} data-testid="jump-present">
          {props.atPresent ? t("chat.jumpNew", { count: unseen }) : t("chat.jumpPresent")}
        </button>
      )}
    </div>
  );
}
