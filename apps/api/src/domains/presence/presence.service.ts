import { channels, type TPresence, type TViewer } from "@orgo/api-contract";
import type { PresenceService } from "@orgo/api-contract/server";
import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { PresenceStore } from "../../platform/presence/presence-store.js";

export function createPresenceService(deps: {
  db: Db;
  bus: EventBus;
  presenceStore: PresenceStore;
  presenceTtlMs: number;
}): PresenceService {
  const { db, bus } = deps;
  // A process that died announced nothing, and its people's entries run out after
  // the TTL: each watch reads the store again this often to notice it.
  const recheckEveryMs = deps.presenceTtlMs / 2;
  const store = deps.presenceStore;

  /** Of these people, the ones I follow or share a room with, and no block between us. */
  async function visibleTo(viewer: TViewer, userIds: string[]): Promise<string[]> {
    const wanted = [...new Set(userIds)].filter((id) => id !== viewer.userId);
    if (wanted.length === 0) return [];
    const rows = await db.$queryRaw<{ id: string }[]>`
      select f."followeeId"::text as id from "Follow" f
      where f."followerId" = ${viewer.userId}::uuid and f."followeeId" = any(${wanted}::uuid[])
      union
      select other."userId"::text from "ChatMember" mine
      join "ChatMember" other on other."roomId" = mine."roomId"
      where mine."userId" = ${viewer.userId}::uuid and other."userId" = any(${wanted}::uuid[])
      except
      select case when b."blockerId" = ${viewer.userId}::uuid then b."blockedId" else b."blockerId" end::text
      from "Block" b
      where b."blockerId" = ${viewer.userId}::uuid or b."blockedId" = ${viewer.userId}::uuid`;
    return rows.map((r) => r.id);
  }

  return {
    async of(viewer, userIds) {
      return store.get(await visibleTo(viewer, userIds));
    },

    async *watch(viewer, userIds, signal) {
      const ids = await visibleTo(viewer, userIds);
      const queue: TPresence[] = [];
      let wake: (() => void) | null = null;
      const push = (presence: TPresence) => {
        queue.push(presence);
        wake?.();
        wake = null;
      };
      const known = new Map<string, TPresence["state"]>();
      const offs = await Promise.all(
        ids.map((id) =>
          bus.subscribe(channels.presence(id), (event) => {
            if (event.type === "presence.changed") push(event.data);
          }),
        ),
      );
      const recheck = async () => {
        for (const presence of await store.get(ids)) {
          if (known.get(presence.userId) !== presence.state) push(presence);
        }
      };
      const timer = setInterval(() => void recheck().catch(() => undefined), recheckEveryMs);
      const onAbort = () => {
        wake?.();
        wake = null;
      };
      signal.addEventListener("abort", onAbort);
      try {
        // Listening first, then the snapshot: a change in between arrives after it.
        for (const presence of await store.get(ids)) push(presence);
        while (!signal.aborted) {
          const next = queue.shift();
          if (!next) {
            await new Promise<void>((resolve) => (wake = resolve));
            continue;
          }
          if (known.get(next.userId) === next.state && next.state !== "offline") continue;
          known.set(next.userId, next.state);
          yield next;
        }
      } finally {
        clearInterval(timer);
        signal.removeEventListener("abort", onAbort);
        for (const off of offs) off();
      }
    },
  };
}
