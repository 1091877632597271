import { AppError, serverMessages as m, type TViewer } from "@orgo/api-contract";
import { Prisma, type Db } from "@orgo/db";

export type Tx = Prisma.TransactionClient;

/** SQL: a block stands between the two people of the one-to-one room `r` (never true for a study room). */
export const blockInRoom = Prisma.sql`exists (
  select 1 from "Block" b
  where r."directKey" is not null
    and b."blockerId"::text = any(string_to_array(r."directKey", ':'))
    and b."blockedId"::text = any(string_to_array(r."directKey", ':'))
)`;

export interface MemberRoom {
  id: number;
  kind: string;
  directKey: string | null;
  messageSeq: number;
  changeSeq: number;
}

/** A stranger learns nothing, not even that the room exists. */
export const noSuchRoom = () => new AppError("NOT_FOUND", m.noSuchRoom);

/** The other person of a one-to-one room (null for a study room). */
export const peerOf = (room: { directKey: string | null }, me: string) =>
  room.directKey ? (room.directKey.split(":").find((id) => id !== me) ?? null) : null;

/**
 * The room, when I am a member and no block stands between me and the other person
 * of a one-to-one room; NOT_FOUND otherwise. Every chat call starts here.
 */
export function memberRoom(
  client: Tx | Db,
  viewer: TViewer,
  roomId: number,
  /** Also locks the room's row (in a transaction): its changes are numbered one at a time. */
  { lock = false }: { lock?: boolean } = {},
): Promise<MemberRoom> {
  return memberRoomOf(client, viewer.userId, roomId, lock);
}

/** `memberRoom` by the member's id (a live stream knows its subscriber by id only). */
export async function memberRoomOf(client: Tx | Db, userId: string, roomId: number, lock = false): Promise<MemberRoom> {
  // One statement: membership, the room, and any block between the two people (and the room's lock).
  const [row] = await client.$queryRaw<(MemberRoom & { blocked: boolean })[]>`
    select r.id, r.kind, r."directKey", r."messageSeq", r."changeSeq",
      ${blockInRoom} as blocked
    from "ChatMember" m join "ChatRoom" r on r.id = m."roomId"
    where m."roomId" = ${roomId} and m."userId" = ${userId}::uuid
    ${lock ? Prisma.sql`for update of r` : Prisma.empty}`;
  if (!row || row.blocked) throw noSuchRoom();
  const { blocked: _blocked, ...room } = row;
  return room;
}
