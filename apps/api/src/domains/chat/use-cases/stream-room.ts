import type { TViewer } from "@orgo/api-contract";
import type { LiveFeed } from "@orgo/api-contract/server";
import { keyedFeed } from "../../../platform/live/keyed-feed.js";
import type { ChatDeps } from "../chat-deps.js";
import { memberRoom } from "../member-room.js";
import type { RoomItem } from "../room-feed.js";

/**
 * Message changes after `afterChangeSeq` (null: from now on), then live ones, typing
 * and read receipts; ends when I lose the room. Refused (NOT_FOUND) before anything
 * streams unless I am a member: a stranger learns nothing, not even that it exists.
 */
export async function streamRoom(
  deps: ChatDeps,
  viewer: TViewer,
  { roomId, afterChangeSeq }: { roomId: number; afterChangeSeq: number | null },
  signal: AbortSignal,
): Promise<LiveFeed<RoomItem>> {
  await memberRoom(deps.db, viewer, roomId);
  return keyedFeed(deps.roomFeed, { key: roomId, viewerId: viewer.userId, afterId: afterChangeSeq }, signal);
}
