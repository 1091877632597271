import { channels } from "@orgo/api-contract";
import type { EventBus } from "../events/event-bus.js";

/** Tells every process to close these sessions' websockets (after the commit that ended them). */
export async function publishSessionsRevoked(bus: EventBus, sessionIds: string[]): Promise<void> {
  if (sessionIds.length) await bus.publish(channels.sessions, { v: 1, type: "session.revoked", data: { sessionIds } });
}
