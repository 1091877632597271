import { channels } from "@orgo/api-contract";
import type { EventBus } from "../../platform/events/event-bus.js";

/** After a commit that changed a case: every moderator's open queue refetches, on every process. */
export function publishQueueChanged(bus: EventBus, caseId: number): Promise<void> {
  return bus.publish(channels.moderation, { v: 1, type: "moderation.queue", data: { caseId } });
}
