import { mentionedHandles, type TChatMessage, type TViewer } from "@orgo/api-contract";
import { notifyMentions } from "../notifications/mentions.js";
import { groupKeys, notify } from "../notifications/notify.js";
import { publishNotifications } from "../notifications/notification.service.js";
import type { ChatDeps } from "./chat-deps.js";

/**
 * The room's members a message mentions, told after its commit: sending stays one
 * statement, and a message without an "@" costs nothing more. Only members are told
 * (nobody else may read the room); once per person per message.
 */
export async function tellMentioned({ db, bus }: Pick<ChatDeps, "db" | "bus">, viewer: TViewer, message: TChatMessage) {
  if (!message.body.includes("@") || mentionedHandles(message.body).length === 0) return;
  const changed = await db.$transaction(async (tx) => {
    const members = await tx.chatMember.findMany({ where: { roomId: message.roomId }, select: { userId: true } });
    return notifyMentions(tx, {
      text: message.body,
      actorId: viewer.userId,
      groupKey: groupKeys.mention("chat", `${message.roomId}:${message.seq}`),
      roomId: message.roomId,
      onlyAmong: members.map((member) => member.userId),
    });
  });
  await publishNotifications(db, bus, changed);
}

/**
 * The author of the message a reply answers is told, like a mention (category
 * "replies"), after the reply's commit: only while still a member, never myself, never
 * across a block (notify checks), and not twice when the reply also mentions them.
 */
export async function tellAnswered({ db, bus }: Pick<ChatDeps, "db" | "bus">, viewer: TViewer, message: TChatMessage) {
  const answered = message.replyTo?.author?.id;
  if (!answered || answered === viewer.userId) return;
  const told = await db.$transaction(async (tx) => {
    const member = await tx.chatMember.count({ where: { roomId: message.roomId, userId: answered } });
    const mentioned = await tx.notification.count({
      where: { recipientId: answered, groupKey: groupKeys.mention("chat", `${message.roomId}:${message.seq}`) },
    });
    if (!member || mentioned) return null;
    return notify(tx, {
      recipientId: answered,
      actorId: viewer.userId,
      type: "message_reply",
      roomId: message.roomId,
      groupKey: groupKeys.messageReply(message.roomId, message.seq),
    });
  });
  if (told !== null) await publishNotifications(db, bus, [{ recipientId: answered, id: told }]);
}
