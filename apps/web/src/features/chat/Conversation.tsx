import { useState } from "react";
import "./chat-messages";
import { Link } from "react-router";
import { ArrowUpToLine, AtSign } from "lucide-react";
import { useI18n } from "../../i18n/i18n";
import { showToast } from "../../lib/toast";
import { describeError } from "../../i18n/describe-error";
import { Avatar } from "../../ui/Avatar";
import { useMe } from "../auth/use-me";
import { ChatComposer, roomDraftKey } from "./ChatComposer";
import { MessageList } from "./MessageList";
import { MuteButton } from "./MuteButton";
import { PinnedMessages } from "./pins/PinnedMessages";
import { useRoom, type ShownMessage } from "./use-room";
import { PresenceDot, usePresence } from "./presence";
import "./chat.css";

/** One conversation: who it is with, the messages, who is typing, and the box to write in. */
export function Conversation({ roomId }: { roomId: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const meUser = me.data ?? null;
  const chat = useRoom(roomId, meUser, (error) => showToast(describeError(error, i18n), {}));
  const peerId = chat.room.data?.peer?.id;
  const presence = usePresence(peerId ? [peerId] : []);
  const [editing, setEditing] = useState<ShownMessage | null>(null);
  const [replyingTo, setReplyingTo] = useState<ShownMessage | null>(null);

  if (chat.room.isError) {
    return (
      <div className="placeholder" role="alert">
        <p>{t("chat.notFound")}</p>
        <p className="muted">{describeError(chat.room.error, i18n)}</p>
      </div>
    );
  }
  const room = chat.room.data;
  if (!room) return <p className="placeholder">{t("chat.loading")}</p>;
  const title = room.peer?.displayName ?? room.study?.title ?? t("chat.deletedAccount");
  const lastMine = [...chat.messages]
    .reverse()
    .find((m) => m.author?.id === meUser?.id && m.state === "sent" && !m.deleted);

  return (
    <section className="chat" aria-label={title}>
      <header className="chat__header">
        {room.peer ? <Avatar user={room.peer} size={32} /> : <span className="avatar">#</span>}
        <div>
          <h2>
            {title} {room.peer && <PresenceDot presence={presence.get(room.peer.id)} />}
          </h2>
          <p className="muted small">
            {room.peer ? (
              <Link to={`/u/${room.peer.handle}`}>@{room.peer.handle}</Link>
            ) : room.study ? (
              <Link to={`/studies/${room.study.id}`}>
                {t("chat.studyRoom")} · {t("chat.members", { count: room.memberCount })}
              </Link>
            ) : null}
          </p>
        </div>
        <nav className="chat__jumps" aria-label={t("chat.jumps")}>
          {chat.dividerAfter !== null && room.messageSeq > chat.dividerAfter && (
            <Link
              className="button button--ghost chat__jump-link"
              to={{ hash: `#message-${chat.dividerAfter + 1}` }}
              data-testid="jump-unread"
            >
              <ArrowUpToLine size={14} aria-hidden /> {t("chat.jumpUnread")}
            </Link>
          )}
          {room.lastMentionSeq !== null && (
            <Link
              className="button button--ghost chat__jump-link"
              to={{ hash: `#message-${room.lastMentionSeq}` }}
              data-testid="jump-mention"
            >
              <AtSign size={14} aria-hidden /> {t("chat.jumpMention")}
            </Link>
          )}
        </nav>
        <PinnedMessages pins={chat.pins.data ?? []} />
        <MuteButton room={room} />
      </header>
      <MessageList
        room={room}
        messages={chat.messages}
        meId={meUser?.id ?? null}
        dividerAfter={chat.dividerAfter}
        reads={chat.reads}
        hasOlder={Boolean(chat.history.hasNextPage)}
        loadingOlder={chat.history.isFetchingNextPage}
        loadOlder={() => void chat.history.fetchNextPage()}
        atPresent={chat.atPresent}
        loadingNewer={chat.history.isFetchingPreviousPage}
        loadNewer={() => void chat.history.fetchPreviousPage()}
        loadAround={chat.loadAround}
        settled={chat.history.isSuccess && !chat.history.isFetching}
        onRetry={chat.retry}
        onEdit={setEditing}
        onDelete={(message) => chat.remove(message.seq)}
        onReact={(message, emoji, on) => chat.react(message.seq, emoji, on)}
        onPin={(message, on) => chat.pin(message.seq, on)}
        onRemovePreview={(message) => chat.removePreview(message.seq)}
        onReply={(message) => {
          setEditing(null);
          setReplyingTo(message);
        }}
      />
      <p className="chat__typing muted small" aria-live="polite" data-testid="typing">
        {chat.typing.length > 0 ? t("chat.typing", { name: chat.typing.map((u) => u.displayName).join(", ") }) : ""}
      </p>
      <ChatComposer
        key={roomId}
        draftKey={roomDraftKey(roomId)}
        lastMine={lastMine}
        editing={editing}
        onEditStart={setEditing}
        onEditEnd={() => setEditing(null)}
        replyingTo={replyingTo}
        onReplyEnd={() => setReplyingTo(null)}
        onSend={(body, images, files) => {
          chat.send(body, images, files, replyingTo);
          setReplyingTo(null);
        }}
        onSave={chat.edit}
        onTyping={chat.typed}
      />
    </section>
  );
}
