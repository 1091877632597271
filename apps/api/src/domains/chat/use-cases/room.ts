import type { TChatRoom, TRoomRef, TViewer } from "@orgo/api-contract";
import type { ChatDeps } from "../chat-deps.js";
import { listedRoom } from "../room-list.js";

/** One of my rooms; NOT_FOUND unless I am a member and no block hides it. */
export function room(deps: ChatDeps, viewer: TViewer, { roomId }: TRoomRef): Promise<TChatRoom> {
  return listedRoom(deps, viewer, roomId);
}
