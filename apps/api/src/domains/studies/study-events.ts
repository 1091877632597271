import { channels } from "@orgo/api-contract";
import type { EventBus } from "../../platform/events/event-bus.js";

/**
 * A study changed (committed): open lists and study pages refetch it, each viewer
 * seeing their own seat, waitlist position and requests. One channel for all studies:
 * changes are few, and a list shows many studies at once.
 */
export function publishStudyChanged(bus: EventBus, studyId: number, deleted = false): Promise<void> {
  return bus.publish(channels.studies, { v: 1, type: "study.changed", data: { studyId, deleted } });
}
