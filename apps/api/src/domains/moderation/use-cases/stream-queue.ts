import type { TQueueSignal, TViewer } from "@orgo/api-contract";
import type { LiveFeed } from "@orgo/api-contract/server";
import { keyedFeed } from "../../../platform/live/keyed-feed.js";
import type { ModerationDeps } from "../moderation-deps.js";

/** Moderators: "the queue changed", live, until they are no longer moderators. */
export function streamQueue(deps: ModerationDeps, viewer: TViewer, signal: AbortSignal): LiveFeed<TQueueSignal> {
  return keyedFeed(deps.queueFeed, { key: 0, viewerId: viewer.userId, afterId: null }, signal);
}
