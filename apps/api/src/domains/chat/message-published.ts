import { channels, type TChatMessage } from "@orgo/api-contract";
import type { EventBus } from "../../platform/events/event-bus.js";
import { publishInboxChanged } from "./chat-events.js";

/** After a commit: the room's live stream, then every member's room list. */
export async function publishMessage(bus: EventBus, changeSeq: number, message: TChatMessage, members: string[]) {
  // Issued in the same tick, in this order: the Redis bus sends them in one write on
  // one connection, so the room's event still goes out before the room lists'.
  await Promise.all([
    bus.publish(channels.chatRoom(message.roomId), { v: 1, type: "chat.message", data: { changeSeq, message } }),
    publishInboxChanged(bus, members, message.roomId),
  ]);
}
