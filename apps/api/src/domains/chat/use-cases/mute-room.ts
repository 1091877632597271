import type { TChatRoom, TMuteRoomInput, TViewer } from "@orgo/api-contract";
import type { ChatDeps } from "../chat-deps.js";
import { publishInboxChanged } from "../chat-events.js";
import { memberRoom } from "../member-room.js";
import { listedRoom } from "../room-list.js";

/** Mutes or unmutes a room for me: its messages still count as unread, but never alert. */
export async function muteRoom(deps: ChatDeps, viewer: TViewer, { roomId, muted }: TMuteRoomInput): Promise<TChatRoom> {
  await memberRoom(deps.db, viewer, roomId);
  await deps.db.chatMember.update({ where: { roomId_userId: { roomId, userId: viewer.userId } }, data: { muted } });
  // My other tabs show the bell as it now is.
  await publishInboxChanged(deps.bus, [viewer.userId], roomId);
  return listedRoom(deps, viewer, roomId);
}
