import { channels, type TEventEnvelope } from "@orgo/api-contract";
import type { EventBus } from "../../platform/events/event-bus.js";

/** These people's public profiles changed (follower counts, "follows you"): open profiles refetch. */
export async function publishUsersChanged(bus: EventBus, userIds: string[]): Promise<void> {
  await Promise.all(
    [...new Set(userIds)].map((userId) =>
      bus.publish(channels.user(userId), { v: 1, type: "user.changed", data: { userId } }),
    ),
  );
}

/**
 * A follow or a block between two people began or ended: what each was shown of the
 * other (presence) is decided again, on every process, by whatever listens on their
 * own channels.
 */
export async function publishRelationChanged(bus: EventBus, a: string, b: string): Promise<void> {
  const event = { v: 1, type: "relation.changed", data: { userIds: [a, b] } } satisfies TEventEnvelope;
  await Promise.all([bus.publish(channels.user(a), event), bus.publish(channels.user(b), event)]);
}
