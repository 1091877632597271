import { useNavigate, useParams } from "react-router";
import "./chat-messages";
import { useIdParam } from "../../lib/route-params";
import { historyFor } from "../../lib/use-roving-list";
import { SplitView } from "../../ui/SplitView";
import { useEffect, useState } from "react";
import type { TChatMessage, TChatRoom, TPresence } from "@orgo/api-contract/schemas";
import { useI18n, type I18n } from "../../i18n/i18n";
import { QueryState } from "../../ui/QueryState";
import { Avatar } from "../../ui/Avatar";
import { RelativeTime } from "../../ui/RelativeTime";
import { plainExcerpt } from "@orgo/api-contract/constants";
import { useInbox } from "./use-inbox";
import { Conversation } from "./Conversation";
import { NewConversation } from "./NewConversation";
import { NewMessageButton } from "./NewMessageButton";
import { PresenceDot, usePresence } from "./presence";
import { DesktopPermissionButton } from "../notifications/desktop";
import { SelectHint } from "../../ui/SelectHint";
import { MessageSearch } from "./search/MessageSearch";
import { PageHeader } from "../../ui/PageHeader";
import "./chat.css";

/** A room's last message as a row shows it: plain text, as the feed's excerpts; else what it was. */
function previewOf(message: TChatMessage, t: I18n["t"]): string {
  if (message.deleted) return t("chat.deletedMessage");
  const text = plainExcerpt(message.body, 100);
  if (text) return text;
  if (message.images.length > 0) return t("chat.sentPicture");
  return message.files.length > 0 ? t("chat.sentFile", { name: message.files[0]!.name }) : t("chat.sentCode");
}

function roomMatches(room: TChatRoom, filter: string, t: I18n["t"]): boolean {
  const q = filter.trim().toLocaleLowerCase();
  const said = room.lastMessage && !room.lastMessage.deleted ? room.lastMessage.body : "";
  return [
    room.peer?.displayName,
    room.peer?.handle,
    room.study?.title ?? (room.peer ? "" : t("chat.deletedAccount")),
    said,
  ]
    .filter(Boolean)
    .some((text) => text!.toLocaleLowerCase().includes(q));
}

function RoomRow({
  room,
  selected,
  presence,
  onOpen,
}: {
  room: TChatRoom;
  selected: boolean;
  presence: TPresence | undefined;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  const name = room.peer?.displayName ?? room.study?.title ?? t("chat.deletedAccount");
  const last = room.lastMessage;
  return (
    <li data-list-id={room.id}>
      <button
        type="button"
        className={`chat-room${selected ? " chat-room--selected" : ""}`}
        aria-current={selected ? "true" : undefined}
        onClick={onOpen}
        data-testid="chat-room"
      >
        <span className="chat-room__avatar">
          {room.peer ? <Avatar user={room.peer} size={36} /> : <span className="avatar">#</span>}
          <PresenceDot presence={presence} />
        </span>
        <span className="chat-room__text">
          <span className="chat-room__name">
            <strong>{name}</strong>
            {room.lastMessageAt && <RelativeTime className="muted small" date={room.lastMessageAt} />}
          </span>
          <span className="muted small chat-room__preview">{last ? previewOf(last, t) : t("chat.noMessages")}</span>
        </span>
        {room.unreadCount > 0 && (
          <span className="badge" aria-label={t("chat.unread", { count: room.unreadCount })}>
            {room.unreadCount}
          </span>
        )}
      </button>
    </li>
  );
}

/** Conversations beside the open one; Alt+↑ / Alt+↓ move between rooms. */
export function ChatPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const selectedId = useIdParam("roomId");
  // `/chat/new/<handle>`: the first message to someone, before there is a room.
  const starting = useParams().handle !== undefined;
  const { inbox, rooms: allRooms, signedIn } = useInbox();
  // A filter over my conversations, by who or what they are and what was said last; and a search of their messages.
  const [filter, setFilter] = useState("");
  const rooms = filter.trim() ? allRooms.filter((room) => roomMatches(room, filter, t)) : allRooms;
  const presence = usePresence(rooms.flatMap((room) => (room.peer ? [room.peer.id] : [])));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown") || rooms.length === 0) return;
      event.preventDefault();
      const index = rooms.findIndex((room) => room.id === selectedId);
      const next = rooms[Math.max(0, Math.min(rooms.length - 1, index + (event.key === "ArrowDown" ? 1 : -1)))];
      if (next) void navigate(`/chat/${next.id}`, historyFor("move", selectedId !== null));
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [rooms, selectedId, navigate]);

  if (!signedIn) return <p className="placeholder">{t("chat.signIn")}</p>;
  return (
    <SplitView
      id="chat"
      listSize={32}
      listMin={22}
      detailMin={36}
      showDetail={selectedId !== null || starting}
      back={{ label: t("chat.rooms"), onBack: () => void navigate("/chat") }}
      list={
        <>
          <PageHeader
            title={t("chat.rooms")}
            actions={
              <>
                <NewMessageButton />
                <DesktopPermissionButton compact />
              </>
            }
          />
          {allRooms.length > 0 && (
            <input
              type="search"
              className="control chat-rooms__filter"
              placeholder={t("chat.filter")}
              aria-label={t("chat.filter")}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              data-testid="chat-filter"
            />
          )}
          <div className="pane__scroll">
            {filter.trim() && rooms.length === 0 && (
              <p className="chat-rooms__none muted small" role="status">
                {t("chat.noMatch", { q: filter.trim() })}
              </p>
            )}
            <QueryState
              query={inbox}
              empty={allRooms.length === 0}
              emptyText={t("chat.empty")}
              errorText={t("chat.error")}
            />
            <ul className="chat-rooms" data-testid="chat-rooms">
              {rooms.map((room) => (
                <RoomRow
                  key={room.id}
                  room={room}
                  selected={room.id === selectedId}
                  presence={room.peer ? presence.get(room.peer.id) : undefined}
                  onOpen={() => void navigate(`/chat/${room.id}`)}
                />
              ))}
            </ul>
            <MessageSearch q={filter} openRoomId={selectedId} />
          </div>
        </>
      }
      detail={
        selectedId !== null ? (
          <Conversation key={selectedId} roomId={selectedId} />
        ) : starting ? (
          <NewConversation />
        ) : (
          <SelectHint count={rooms.length} text={t("chat.selectHint")} className="placeholder" />
        )
      }
    />
  );
}
