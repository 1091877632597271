import type { ChatService } from "@orgo/api-contract/server";
import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { RateLimiter, RateLimitRule } from "../../platform/rate-limit/rate-limiter.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { bindUseCases } from "../../platform/use-cases.js";
import { createRoomQueue } from "./room-queue.js";
import { createRoomFeed } from "./room-feed.js";
import type { ContentGuard } from "../safety/content-guard.js";
import type { LinkPreviews } from "./link-preview/link-previews.js";
import { inbox } from "./use-cases/inbox.js";
import { room } from "./use-cases/room.js";
import { openDirect } from "./use-cases/open-direct.js";
import { history } from "./use-cases/history.js";
import { search } from "./use-cases/search.js";
import { sendMessage } from "./use-cases/send-message.js";
import { editMessage } from "./use-cases/edit-message.js";
import { deleteMessage } from "./use-cases/delete-message.js";
import { markRead } from "./use-cases/mark-read.js";
import { react } from "./use-cases/react.js";
import { pin } from "./use-cases/pin.js";
import { pins } from "./use-cases/pins.js";
import { removePreview } from "./use-cases/remove-preview.js";
import { typing } from "./use-cases/typing.js";
import { hideRoom } from "./use-cases/hide-room.js";
import { muteRoom } from "./use-cases/mute-room.js";
import { streamRoom } from "./use-cases/stream-room.js";
import { streamInbox } from "./use-cases/stream-inbox.js";

/** Chat's rules are in docs/chat.md; each use case is a file of its own in use-cases/. */
export function createChatService(deps: {
  db: Db;
  bus: EventBus;
  limiter: RateLimiter;
  storage: FileStorage;
  /** Messages one person may send per window (config CHAT_SENDS_PER_10S). */
  sendLimit: RateLimitRule;
  guard: ContentGuard;
  previews: LinkPreviews;
}): ChatService {
  const chat = { ...deps, roomQueue: createRoomQueue(), roomFeed: createRoomFeed(deps) };
  return bindUseCases(chat, {
    inbox,
    room,
    openDirect,
    history,
    search,
    send: sendMessage,
    edit: editMessage,
    delete: deleteMessage,
    react,
    pin,
    pins,
    removePreview,
    markRead,
    typing,
    hide: hideRoom,
    mute: muteRoom,
    streamRoom,
    streamInbox,
  });
}
