import { channels, type TEventEnvelope, type TInboxEvent, type TViewer } from "@orgo/api-contract";
import type { LiveFeed } from "@orgo/api-contract/server";
import { itemPerEvent } from "../../../platform/live/live-stream.js";
import { signalFeed } from "../../../platform/live/signal-feed.js";
import type { ChatDeps } from "../chat-deps.js";

// One signal object per event, shared by every subscriber (validated and serialised once).
const inboxItem = itemPerEvent<TInboxEvent>();
const inboxSignal = (event: TEventEnvelope) =>
  event.type === "chat.inbox" ? inboxItem(event, () => ({ roomId: event.data.roomId })) : null;

/** "My room list changed": the client refetches its list (a busy room's burst is one signal per 300 ms). */
export function streamInbox({ bus }: ChatDeps, viewer: TViewer, signal: AbortSignal): LiveFeed<TInboxEvent> {
  return signalFeed(bus, channels.chatUser(viewer.userId), inboxSignal, signal);
}
