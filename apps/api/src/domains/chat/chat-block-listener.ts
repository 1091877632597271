import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { BlockListener } from "../social/social.service.js";
import { directKeyOf, publishInboxChanged, publishRoomAccessLost } from "./chat-events.js";

/**
 * A block hides the pair's one-to-one room from both, live streams included (the
 * history stays); lifting it brings the room back to both lists.
 */
export function createChatBlockListener({ db, bus }: { db: Db; bus: EventBus }): BlockListener {
  const directRoomOf = (a: string, b: string) =>
    db.chatRoom.findUnique({ where: { directKey: directKeyOf(a, b) }, select: { id: true } });
  return {
    async blocked(blockerId, blockedId) {
      const room = await directRoomOf(blockerId, blockedId);
      if (room) await publishRoomAccessLost(bus, room.id, [blockerId, blockedId]);
    },
    async unblocked(blockerId, blockedId) {
      const room = await directRoomOf(blockerId, blockedId);
      if (room) await publishInboxChanged(bus, [blockerId, blockedId], room.id);
    },
  };
}
