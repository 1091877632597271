import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { RateLimiter, RateLimitRule } from "../../platform/rate-limit/rate-limiter.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import type { KeyedFeedSpec } from "../../platform/live/keyed-feed.js";
import type { RoomQueue } from "./room-queue.js";
import type { RoomItem } from "./room-feed.js";
import type { ContentGuard } from "../safety/content-guard.js";
import type { LinkPreviews } from "./link-preview/link-previews.js";

/** What every chat use case is given (assembled once per process by chat.service.ts). */
export interface ChatDeps {
  db: Db;
  bus: EventBus;
  limiter: RateLimiter;
  storage: FileStorage;
  /** Messages one person may send per window (config CHAT_SENDS_PER_10S). */
  sendLimit: RateLimitRule;
  /** This process's queue of sends per room. */
  roomQueue: RoomQueue;
  /** The rules every subscriber of a room's stream shares. */
  roomFeed: KeyedFeedSpec<RoomItem>;
  /** What a new account may do yet, the watched words, repeated texts. */
  guard: ContentGuard;
  /** Link previews: read once per URL, put on messages after they are sent. */
  previews: LinkPreviews;
}
