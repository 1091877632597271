import type { TChatHistory, TChatHistoryInput, TViewer } from "@orgo/api-contract";
import type { ChatDeps } from "../chat-deps.js";
import { memberRoom } from "../member-room.js";
import { messageSelect, shapeMessage, type MessageRow } from "../message-row.js";

/**
 * A page of a room's messages (oldest first within a page): the newest one, older
 * ones going back, newer ones going forward from a page around a message, or the page
 * around a message (a search hit, a link): half before it, it and the rest after. And
 * where the others have read to.
 */
export async function history(deps: ChatDeps, viewer: TViewer, input: TChatHistoryInput): Promise<TChatHistory> {
  const { db, storage } = deps;
  const { roomId, limit } = input;
  // The change number first: anything after it reaches a stream started from it.
  const room = await memberRoom(db, viewer, roomId);
  const older = (before: number | null, take: number) =>
    db.chatMessage.findMany({
      where: { roomId, ...(before === null ? {} : { seq: { lt: before } }) },
      orderBy: { seq: "desc" },
      take,
      select: messageSelect,
    });
  const newer = (after: number, take: number) =>
    db.chatMessage.findMany({
      where: { roomId, seq: { gt: after } },
      orderBy: { seq: "asc" },
      take,
      select: messageSelect,
    });

  /** Oldest first, with more rows read on each side than kept: is there more that way? */
  async function page(): Promise<{ rows: MessageRow[]; hasMore: boolean; hasNewer: boolean }> {
    // "backward": the previous page of an infinite query, the newer messages.
    if (input.cursor && input.direction === "backward") {
      const rows = await newer(input.cursor, limit + 1);
      return { rows: rows.slice(0, limit), hasMore: true, hasNewer: rows.length > limit };
    }
    if (input.cursor || !input.around) {
      const rows = await older(input.cursor ?? null, limit + 1);
      return { rows: rows.slice(0, limit).reverse(), hasMore: rows.length > limit, hasNewer: Boolean(input.cursor) };
    }
    // Half before it where there is as much, the rest after (near an end, more from the other side).
    const [up, down] = await Promise.all([older(input.around + 1, limit + 1), newer(input.around, limit + 1)]);
    const fromUp = Math.min(up.length, Math.max(Math.floor(limit / 2) + 1, limit - down.length));
    const fromDown = limit - fromUp;
    return {
      rows: [...up.slice(0, fromUp).reverse(), ...down.slice(0, fromDown)],
      hasMore: up.length > fromUp,
      hasNewer: down.length > fromDown,
    };
  }

  const [{ rows, hasMore, hasNewer }, reads] = await Promise.all([
    page(),
    db.chatMember.findMany({
      where: { roomId, userId: { not: viewer.userId } },
      select: { userId: true, lastReadSeq: true },
    }),
  ]);
  return {
    items: rows.map((row) => shapeMessage(row, storage)),
    hasMore,
    hasNewer,
    reads: reads.map((r) => ({ userId: r.userId, seq: r.lastReadSeq })),
    headChangeSeq: room.changeSeq,
  };
}
