import { channels, type TEventEnvelope, type TQueueSignal } from "@orgo/api-contract";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { KeyedFeedSpec } from "../../platform/live/keyed-feed.js";
import { itemPerEvent } from "../../platform/live/live-stream.js";

/**
 * What a moderator's live queue carries: "the queue changed" signals (the client
 * refetches), and its end when they stop being staff.
 */
export function createQueueFeed(bus: EventBus): KeyedFeedSpec<TQueueSignal> {
  const signalItem = itemPerEvent<TQueueSignal>();
  return {
    bus,
    channel: () => channels.moderation,
    select: () => null,
    ephemeral: (event: TEventEnvelope) =>
      event.type === "moderation.queue" ? signalItem(event, () => ({ caseId: event.data.caseId })) : null,
    endWhen: (event, _key, viewerId) =>
      event.type === "moderation.staff" && event.data.userId === viewerId && event.data.role === "member",
    catchUp: () => Promise.resolve([]),
    headId: () => Promise.resolve(0),
    idOf: () => 0,
  };
}
