import type { TChatHistory, TChatHistoryInput, TViewer } from "@orgo/api-contract";
import type { ChatDeps } from "../chat-deps.js";
import { memberRoom } from "../member-room.js";
import { messageSelect, shapeMessage } from "../message-row.js";

/** Older messages page by page (oldest first within a page), and where the others have read to. */
export async function history(deps: ChatDeps, viewer: TViewer, input: TChatHistoryInput): Promise<TChatHistory> {
  const { db, storage } = deps;
  // The change number first: anything after it reaches a stream started from it.
  const room = await memberRoom(db, viewer, input.roomId);
  const [rows, reads] = await Promise.all([
    db.chatMessage.findMany({
      where: { roomId: input.roomId, ...(input.cursor ? { seq: { lt: input.cursor } } : {}) },
      orderBy: { seq: "desc" },
      take: input.limit + 1,
      select: messageSelect,
    }),
    db.chatMember.findMany({
      where: { roomId: input.roomId, userId: { not: viewer.userId } },
      select: { userId: true, lastReadSeq: true },
    }),
  ]);
  return {
    items: rows
      .slice(0, input.limit)
      .reverse()
      .map((row) => shapeMessage(row, storage)),
    hasMore: rows.length > input.limit,
    reads: reads.map((r) => ({ userId: r.userId, seq: r.lastReadSeq })),
    headChangeSeq: room.changeSeq,
  };
}
