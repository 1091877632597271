import { channels } from "@orgo/api-contract";
import type { EventBus } from "../../platform/events/event-bus.js";

/** These people's public profiles changed (follower counts, "follows you"): open profiles refetch. */
export async function publishUsersChanged(bus: EventBus, userIds: string[]): Promise<void> {
  await Promise.all(
    [...new Set(userIds)].map((userId) =>
      bus.publish(channels.user(userId), { v: 1, type: "user.changed", data: { userId } }),
    ),
  );
}
