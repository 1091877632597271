import { channels, type TRole } from "@orgo/api-contract";
import type { EventBus } from "../../platform/events/event-bus.js";

/**
 * Someone's role changed: a moderator made a member again stops receiving the queue
 * at once, on every process (queue-feed.ts).
 */
export function publishStaffChanged(bus: EventBus, userId: string, role: TRole): Promise<void> {
  return bus.publish(channels.moderation, { v: 1, type: "moderation.staff", data: { userId, role } });
}
