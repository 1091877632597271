import type { TViewer } from "@orgo/api-contract";
import type { LiveFeed } from "@orgo/api-contract/server";
import { keyedFeed } from "../../../platform/live/keyed-feed.js";
import type { ChatDeps } from "../chat-deps.js";
import type { RoomItem } from "../room-feed.js";

/**
 * Message changes after `afterChangeSeq` (null: from now on), then live ones, typing
 * and read receipts; ends when I lose the room. Refused (NOT_FOUND) before anything
 * streams unless I am a member — a stranger learns nothing, not even that it exists:
 * the feed's first step (the spec's `open`) checks membership and reads the head in
 * one statement.
 */
export function streamRoom(
  deps: ChatDeps,
  viewer: TViewer,
  { roomId, afterChangeSeq }: { roomId: number; afterChangeSeq: number | null },
  signal: AbortSignal,
): LiveFeed<RoomItem> {
  return keyedFeed(deps.roomFeed, { key: roomId, viewerId: viewer.userId, afterId: afterChangeSeq }, signal);
}
