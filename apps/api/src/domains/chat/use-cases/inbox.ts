import type { TChatInbox, TViewer } from "@orgo/api-contract";
import type { ChatDeps } from "../chat-deps.js";
import { roomList } from "../room-list.js";

/** My rooms, latest activity first, with unread counts and their total. */
export async function inbox(deps: ChatDeps, viewer: TViewer): Promise<TChatInbox> {
  const rooms = await roomList(deps, viewer, null);
  return { rooms, unreadTotal: rooms.reduce((sum, room) => sum + room.unreadCount, 0) };
}
