import { channels, type TEventEnvelope, type TRoomEvent } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import type { KeyedFeedSpec } from "../../platform/live/keyed-feed.js";
import { itemPerEvent } from "../../platform/live/live-stream.js";
import { memberRoomOf } from "./member-room.js";
import { messageSelect, shapeMessage } from "./message-row.js";

/** Message changes read per catch-up query of a room's live stream. */
const CATCH_UP_PAGE = 200;

/** A room stream's item: a message change (with its change number as id), or a signal. */
export type RoomItem = { id?: number; event: TRoomEvent };

/**
 * What a member's stream of a room carries: message changes in change order
 * (resumable), typing and read receipts as they come, and its end when the member
 * loses the room (left, removed, or a block).
 */
export function createRoomFeed({ db, bus, storage }: { db: Db; bus: EventBus; storage: FileStorage }) {
  // Each event's item is made once and shared by every member's stream (validated and
  // serialised once).
  const shared = itemPerEvent<RoomItem>();
  const spec: KeyedFeedSpec<RoomItem> = {
    bus,
    channel: (roomId) => channels.chatRoom(roomId),
    select(event: TEventEnvelope, roomId) {
      if (event.type !== "chat.message" || event.data.message.roomId !== roomId) return null;
      return shared(event, () => ({
        id: event.data.changeSeq,
        event: { kind: "message", message: event.data.message },
      }));
    },
    ephemeral(event, _roomId, viewerId) {
      if (event.type === "chat.typing" && event.data.user.id !== viewerId) {
        return shared(event, () => ({ event: { kind: "typing", user: event.data.user } }));
      }
      if (event.type === "chat.read") {
        return shared(event, () => ({ event: { kind: "read", userId: event.data.userId, seq: event.data.seq } }));
      }
      return null;
    },
    endWhen: (event, _roomId, viewerId) => event.type === "chat.access" && event.data.userIds.includes(viewerId),
    async catchUp(roomId, after) {
      const rows = await db.chatMessage.findMany({
        where: { roomId, changeSeq: { gt: after } },
        orderBy: { changeSeq: "asc" },
        take: CATCH_UP_PAGE,
        select: messageSelect,
      });
      return rows.map((row) => ({
        id: row.changeSeq,
        event: { kind: "message", message: shapeMessage(row, storage) },
      }));
    },
    // By primary key, read after listening starts: nothing falls between the two.
    async headId(roomId) {
      const room = await db.chatRoom.findUniqueOrThrow({ where: { id: roomId }, select: { changeSeq: true } });
      return room.changeSeq;
    },
    // Every subscription, fresh or resumed, starts with this one statement: still a
    // member, no block, and the head (a stranger is refused before "started").
    async open(roomId, viewerId) {
      return (await memberRoomOf(db, viewerId, roomId)).changeSeq;
    },
    resumable: true,
    idOf: (item) => item.id ?? 0,
  };
  return spec;
}
