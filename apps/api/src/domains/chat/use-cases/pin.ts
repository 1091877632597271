import {
  AppError,
  CHAT_PINS_MAX,
  serverMessages as m,
  type TChatMessage,
  type TMessageRef,
  type TViewer,
} from "@orgo/api-contract";
import { enforce, limits } from "../../../platform/rate-limit/limits.js";
import type { ChatDeps } from "../chat-deps.js";
import { changeAsMember } from "../member-change.js";
import type { MemberRoom, Tx } from "../member-room.js";

/**
 * Pins (`on`) or unpins a message, a change of the message like a reaction. Any member
 * pins, up to CHAT_PINS_MAX per room; either person of a one-to-one room unpins, and in
 * a study room the person who pinned it or the study's leader. Idempotent.
 */
export async function pin(deps: ChatDeps, viewer: TViewer, ref: TMessageRef, on: boolean): Promise<TChatMessage> {
  await enforce(deps.limiter, [[`chat-pin:${viewer.userId}`, limits.pinsPerUser]]);
  return changeAsMember(deps, viewer, ref, async (tx, message, room) => {
    if (on) {
      if (message.pin) return false;
      if ((await tx.chatPin.count({ where: { roomId: room.id } })) >= CHAT_PINS_MAX) {
        throw new AppError("CONFLICT", m.tooManyPins);
      }
      await tx.chatPin.create({ data: { messageId: message.id, roomId: room.id, pinnedById: viewer.userId } });
      return true;
    }
    if (!message.pin) return false;
    if (message.pin.pinnedById !== viewer.userId && !(await mayUnpinAny(tx, viewer, room))) {
      throw new AppError("FORBIDDEN", m.notYourPin);
    }
    await tx.chatPin.delete({ where: { messageId: message.id } });
    return true;
  });
}

/** Either person of a one-to-one room; the leader of a study's. */
async function mayUnpinAny(tx: Tx, viewer: TViewer, room: MemberRoom): Promise<boolean> {
  if (room.kind === "direct") return true;
  const study = await tx.chatRoom.findUnique({
    where: { id: room.id },
    select: { study: { select: { leaderId: true } } },
  });
  return study?.study?.leaderId === viewer.userId;
}
