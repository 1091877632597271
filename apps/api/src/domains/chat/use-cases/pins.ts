import type { TPinnedMessage, TRoomRef, TViewer } from "@orgo/api-contract";
import { publicUserSelect } from "../../users/public-user.js";
import { isHiddenContent } from "../../visibility/visibility.js";
import type { ChatDeps } from "../chat-deps.js";
import { memberRoom } from "../member-room.js";
import { messageSelect, shapeMessage } from "../message-row.js";

/** The room's pinned messages still there for everyone, newest pin first (members only). */
export async function pins(
  { db, storage }: ChatDeps,
  viewer: TViewer,
  { roomId }: TRoomRef,
): Promise<TPinnedMessage[]> {
  await memberRoom(db, viewer, roomId);
  const rows = await db.chatPin.findMany({
    where: { roomId, message: { deletedAt: null, hiddenAt: null } },
    orderBy: { pinnedAt: "desc" },
    select: { pinnedAt: true, pinnedBy: { select: publicUserSelect }, message: { select: messageSelect } },
  });
  return rows
    .filter((row) => !isHiddenContent(row.message))
    .map((row) => ({ message: shapeMessage(row.message, storage), pinnedBy: row.pinnedBy, pinnedAt: row.pinnedAt }));
}
