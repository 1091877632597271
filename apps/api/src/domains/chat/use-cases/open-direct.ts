import { AppError, serverMessages as m, type TChatRoom, type TOpenDirectInput, type TViewer } from "@orgo/api-contract";
import { isUniqueViolation } from "@orgo/db";
import { blockedBetween } from "../../social/blocks.js";
import { groupKeys, notify } from "../../notifications/notify.js";
import { publishNotifications } from "../../notifications/notification.service.js";
import type { ChatDeps } from "../chat-deps.js";
import { directKeyOf, publishInboxChanged } from "../chat-events.js";
import { listedRoom } from "../room-list.js";

/**
 * The one room of two people, made the first time: opening needs a follow and no
 * block either way; once the room exists, either side may write in it, and reopening
 * brings it back to my list.
 */
export async function openDirect(deps: ChatDeps, viewer: TViewer, { userId }: TOpenDirectInput): Promise<TChatRoom> {
  const { db, bus } = deps;
  if (userId === viewer.userId) {
    throw new AppError("VALIDATION", m.cannotMessageSelf, { fieldErrors: { userId: [m.cannotMessageSelf] } });
  }
  const other = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!other) throw new AppError("NOT_FOUND", m.noSuchUser);
  if (await blockedBetween(db, viewer.userId, userId)) throw new AppError("FORBIDDEN", m.blocked);
  const directKey = directKeyOf(viewer.userId, userId);
  const existing = await db.chatRoom.findUnique({ where: { directKey }, select: { id: true } });
  if (existing) {
    await db.chatMember.updateMany({
      where: { roomId: existing.id, userId: viewer.userId },
      data: { hiddenUpToSeq: null },
    });
    return listedRoom(deps, viewer, existing.id);
  }
  const follows = await db.follow.count({ where: { followerId: viewer.userId, followeeId: userId } });
  if (follows === 0) throw new AppError("FORBIDDEN", m.followFirst);
  // A new account opens few new conversations a day (reopening an old one is free).
  await deps.guard.trust.check(viewer, { action: "newChats" });
  let roomId: number;
  try {
    const opened = await db.$transaction(async (tx) => {
      const room = await tx.chatRoom.create({
        data: { kind: "direct", directKey, members: { create: [{ userId: viewer.userId }, { userId }] } },
        select: { id: true },
      });
      // The other person hears that someone started a conversation with them.
      const id = await notify(tx, {
        recipientId: userId,
        actorId: viewer.userId,
        type: "chat_opened",
        roomId: room.id,
        groupKey: groupKeys.chatOpened(room.id),
      });
      return { roomId: room.id, changed: [{ recipientId: userId, id }] };
    });
    roomId = opened.roomId;
    await publishNotifications(db, bus, opened.changed);
  } catch (error) {
    // Both opened it at the same instant: the other one made it.
    if (!isUniqueViolation(error)) throw error;
    roomId = (await db.chatRoom.findUniqueOrThrow({ where: { directKey }, select: { id: true } })).id;
  }
  await publishInboxChanged(bus, [viewer.userId, userId], roomId);
  return listedRoom(deps, viewer, roomId);
}
