import type { TNotificationType } from "@orgo/api-contract";
import { groupKeys, notify } from "../notifications/notify.js";
import type { Changed, StudyDeps, Tx } from "./study-deps.js";
import { lockStudy } from "./locked-study.js";

/**
 * Who gained or lost the study's chat room in a transaction, published after its
 * commit (study-change.ts): lost access ends their live streams of the room at once.
 */
export interface RoomJournal {
  roomId: number | null;
  joined: string[];
  left: string[];
}
const roomJournals = new WeakMap<Tx, RoomJournal>();

export function keepRoomJournal(tx: Tx, journal: RoomJournal) {
  roomJournals.set(tx, journal);
}

function noteRoomChange(tx: Tx, roomId: number, change: "joined" | "left", userId: string) {
  const journal = roomJournals.get(tx);
  if (!journal) return;
  journal.roomId = roomId;
  journal[change].push(userId);
}

/** A member row, the seat count and the chat room, together (the room always equals the members). */
export async function addMember(tx: Tx, studyId: number, userId: string) {
  await tx.studyMember.create({ data: { studyId, userId } });
  await tx.study.update({ where: { id: studyId }, data: { memberCount: { increment: 1 } } });
  const room = await tx.chatRoom.findUniqueOrThrow({ where: { studyId }, select: { id: true, messageSeq: true } });
  // What was said before I joined is history to read, not news: it is neither unread
  // (no toast, no badge, no "unread messages" mail) nor announced.
  const seen = room.messageSeq;
  await tx.chatMember.create({ data: { roomId: room.id, userId, lastReadSeq: seen, mailedUpToSeq: seen } });
  noteRoomChange(tx, room.id, "joined", userId);
}

/** The member's seat and room membership, gone; false when they were not a member. */
export async function removeMemberRows(tx: Tx, studyId: number, userId: string): Promise<boolean> {
  const removed = await tx.studyMember.deleteMany({ where: { studyId, userId } });
  if (removed.count === 0) return false;
  await tx.study.update({ where: { id: studyId }, data: { memberCount: { decrement: 1 } } });
  const room = await tx.chatRoom.findUniqueOrThrow({ where: { studyId }, select: { id: true } });
  await tx.chatMember.deleteMany({ where: { roomId: room.id, userId } });
  noteRoomChange(tx, room.id, "left", userId);
  return true;
}

/** One notification about the study, or nothing when there is nobody to tell (a leader who left). */
export async function tellAboutStudy(
  tx: Tx,
  to: { recipientId: string | null; actorId: string; type: TNotificationType; studyId: number },
) {
  if (!to.recipientId) return { recipientId: "", id: null };
  const id = await notify(tx, {
    recipientId: to.recipientId,
    actorId: to.actorId,
    type: to.type,
    studyId: to.studyId,
    groupKey: groupKeys.study(to.type, to.studyId),
  });
  return { recipientId: to.recipientId, id };
}

/** Seats freed: the first in line get them, in order, while the study still recruits. */
export async function promoteWaitlist(deps: StudyDeps, tx: Tx, studyId: number, actorId: string): Promise<Changed> {
  const changed: Changed = [];
  for (;;) {
    const study = await lockStudy(deps, tx, studyId);
    if (study.status !== "recruiting") return changed;
    const first = await tx.studyWaitlistEntry.findFirst({ where: { studyId }, orderBy: { id: "asc" } });
    if (!first) return changed;
    await tx.studyWaitlistEntry.delete({ where: { id: first.id } });
    await addMember(tx, studyId, first.userId);
    // Told by the study's leader, not by whoever freed the seat (their leaving is theirs).
    const by = study.leaderId ?? actorId;
    changed.push(await tellAboutStudy(tx, { recipientId: first.userId, actorId: by, type: "study_promoted", studyId }));
  }
}
