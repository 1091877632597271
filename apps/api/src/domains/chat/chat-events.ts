import { channels } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";

/** The one room of two people: their ids sorted, so either side finds the same key. */
export function directKeyOf(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** Tells each person's open tabs that their room list changed. */
export async function publishInboxChanged(bus: EventBus, userIds: Iterable<string>, roomId: number): Promise<void> {
  // One event for all of them: a study message's twenty members were twenty messages
  // through Redis, parsed by every process that held one of them.
  const people = [...new Set(userIds)];
  await bus.publishToMany(
    people.map((userId) => channels.chatUser(userId)),
    { v: 1, type: "chat.inbox", data: { roomId } },
  );
}

/**
 * These people lost the room (left or were removed from its study, or a block came
 * between two people): their live streams of it end at once, on every process, and
 * their room lists drop it.
 */
export async function publishRoomAccessLost(bus: EventBus, roomId: number, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await bus.publish(channels.chatRoom(roomId), { v: 1, type: "chat.access", data: { roomId, userIds } });
  await publishInboxChanged(bus, userIds, roomId);
}

/**
 * The one-to-one room of two people inside the caller's transaction, made if it does
 * not exist yet (no follow needed: mentoring opens rooms this way), and back in both
 * people's lists if either had left it. The caller checks blocks and publishes the
 * inbox change after its commit.
 */
export async function ensureDirectRoom(tx: Prisma.TransactionClient, a: string, b: string): Promise<number> {
  const [room] = await tx.$queryRaw<{ id: number }[]>`
    insert into "ChatRoom" ("kind", "directKey") values ('direct', ${directKeyOf(a, b)})
    on conflict ("directKey") do update set "kind" = excluded."kind"
    returning id`;
  const roomId = room!.id;
  await tx.$executeRaw`
    insert into "ChatMember" ("roomId", "userId") values (${roomId}, ${a}::uuid), (${roomId}, ${b}::uuid)
    on conflict ("roomId", "userId") do update set "hiddenUpToSeq" = null`;
  return roomId;
}
