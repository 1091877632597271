import { channels, type TPresence } from "@orgo/api-contract";
import type { WebSocket } from "ws";
import type { EventBus } from "../events/event-bus.js";
import type { Logger } from "../logger.js";
import { withItem, withoutAt } from "../live/small-list.js";
import type { PresenceStore, TabState } from "./presence-store.js";

/** A tab hidden this long makes its person "away". */
export const AWAY_AFTER_MS = 5 * 60_000;
/** Keys live this long unrenewed (PRESENCE_TTL_MS): about the most a dead process's people stay "online". */
const PRESENCE_TTL_MS = 30_000;

interface Tab {
  readonly socket: WebSocket;
  visible: boolean;
  hiddenSince: number | null;
}

/**
 * The people with a websocket on this process, and whether a tab of theirs is shown.
 * It renews their presence keys, and publishes a change when someone comes online,
 * goes away or closes their last tab.
 */
export function createPresenceTracker(deps: {
  store: PresenceStore;
  bus: EventBus;
  logger: Logger;
  ttlMs?: number;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const ttlMs = deps.ttlMs ?? PRESENCE_TTL_MS;
  // A person's tabs as a short list (see small-list.ts): nearly everyone has one or
  // two, and a Map each was ≈ 100 bytes of every idle socket.
  const people = new Map<string, { tabs: Tab[]; state: TabState }>();

  const stateOf = (tabs: readonly Tab[]): TabState =>
    tabs.some((tab) => tab.visible)
      ? "visible"
      : tabs.some((tab) => tab.hiddenSince !== null && now() - tab.hiddenSince < AWAY_AFTER_MS)
        ? "online"
        : "away";
  /** What others see: a tab shown and one hidden a moment ago are both "online". */
  const publicState = (state: TabState) => (state === "visible" ? "online" : state);

  async function announce(userId: string, state: TPresence["state"]) {
    await deps.bus.publish(channels.presence(userId), {
      v: 1,
      type: "presence.changed",
      data: { userId, state, lastSeenAt: new Date(now()) },
    });
  }

  // Updates in flight, so a shutdown lets them finish before Redis is closed.
  const inFlight = new Set<Promise<unknown>>();
  const safely = (work: Promise<unknown>) => {
    const tracked = work
      .catch((err: unknown) => deps.logger.warn({ err }, "presence update failed"))
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  };

  /** Renews these people's keys (a batch per state) and announces those whose state moved. */
  async function renew(userIds: Iterable<string>) {
    const byState = { visible: [] as string[], online: [] as string[], away: [] as string[] };
    const moved: { userId: string; state: "online" | "away" }[] = [];
    for (const userId of userIds) {
      const person = people.get(userId);
      if (!person) continue;
      const state = stateOf(person.tabs);
      byState[state].push(userId);
      if (publicState(state) !== publicState(person.state)) moved.push({ userId, state: publicState(state) });
      person.state = state;
    }
    await Promise.all(
      (["visible", "online", "away"] as const)
        .filter((state) => byState[state].length > 0)
        .map((state) => deps.store.touch(byState[state], state, ttlMs)),
    );
    await Promise.all(moved.map(({ userId, state }) => announce(userId, state)));
  }

  // Renewed three times per lifetime: one late renewal never makes anyone flicker
  // offline. Everyone at once, in a few batched commands: a burst of one transaction
  // per person stalled this process and Redis for half a second at 1,000 people.
  const timer = setInterval(() => void safely(renew(people.keys())), ttlMs / 3);
  timer.unref();

  return {
    connect(userId: string, socket: WebSocket) {
      let person = people.get(userId);
      const first = !person;
      const tab: Tab = { socket, visible: true, hiddenSince: null };
      if (!person) people.set(userId, (person = { tabs: [tab], state: "visible" }));
      else if (!person.tabs.some((held) => held.socket === socket)) person.tabs = withItem(person.tabs, tab);
      const state = stateOf(person.tabs);
      const wasOnline = person.state !== "away";
      person.state = state;
      void safely(
        deps.store
          .touch([userId], state, ttlMs)
          .then(() => (first || !wasOnline ? announce(userId, "online") : undefined)),
      );
    },
    /** The tab's socket closed (the server calls this; no listener per socket). */
    disconnect(userId: string, socket: WebSocket) {
      const current = people.get(userId);
      const index = current?.tabs.findIndex((tab) => tab.socket === socket) ?? -1;
      if (!current || index === -1) return;
      current.tabs = withoutAt(current.tabs, index);
      if (current.tabs.length > 0) return void safely(renew([userId]));
      people.delete(userId);
      // Offline only when no other process still holds a tab of theirs.
      void safely(deps.store.offline(userId).then((gone) => (gone ? announce(userId, "offline") : undefined)));
    },
    report(userId: string, socket: WebSocket, visible: boolean) {
      const tab = people.get(userId)?.tabs.find((candidate) => candidate.socket === socket);
      if (!tab) return;
      tab.visible = visible;
      tab.hiddenSince = visible ? null : (tab.hiddenSince ?? now());
      void safely(renew([userId]));
    },
    /** Renews everyone now (tests move the clock instead of waiting). */
    renewAll: () => renew(people.keys()),
    /** Stops renewing; resolves once the updates under way (the last tabs closing) are done. */
    async stop() {
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type PresenceTracker = ReturnType<typeof createPresenceTracker>;
