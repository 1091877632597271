import type { Tx } from "./member-room.js";

/**
 * Takes the next message and change numbers of one room, in commit order (the row
 * stays locked until the transaction ends), and answers the room's members — one
 * round trip. A new message (`sender` set) also counts as read by its sender; an
 * edit or deletion (`sender` null) takes only a change number.
 */
export async function nextSeqs(tx: Tx, roomId: number, sender: string | null) {
  const [row] = await tx.$queryRaw<{ messageSeq: number; changeSeq: number; members: string[] }[]>`
    with room as (
      update "ChatRoom"
      set "messageSeq" = "messageSeq" + ${sender ? 1 : 0}::int,
          "changeSeq" = "changeSeq" + 1,
          "lastMessageAt" = case when ${sender !== null} then now() else "lastMessageAt" end
      where id = ${roomId}
      returning "messageSeq", "changeSeq"
    ), sender_read as (
      update "ChatMember" set "lastReadSeq" = (select "messageSeq" from room)
      where "roomId" = ${roomId} and "userId" = ${sender}::uuid
    )
    select room."messageSeq", room."changeSeq",
      array(select "userId"::text from "ChatMember" where "roomId" = ${roomId}) as members
    from room`;
  return row!;
}
