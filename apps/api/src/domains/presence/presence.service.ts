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
      let ids = await visibleTo(viewer, userIds);
      const queue: TPresence[] = [];
      let wake: (() => void) | null = null;
      let recheckAccess = false;
      const push = (presence: TPresence) => {
        queue.push(presence);
        wake?.();
        wake = null;
      };
      const known = new Map<string, TPresence["state"]>();
      const offById = new Map<string, () => void>();
      await Promise.all(
        ids.map(async (id) =>
          offById.set(
            id,
            await bus.subscribe(channels.presence(id), (event) => {
              if (event.type === "presence.changed" && offById.has(event.data.userId)) push(event.data);
            }),
          ),
        ),
      );
      // A follow or block of mine (on any process) may take someone out of what I may see.
      const offRelations = await bus.subscribe(channels.user(viewer.userId), (event) => {
        if (event.type !== "relation.changed" || !event.data.userIds.some((id) => offById.has(id))) return;
        recheckAccess = true;
        wake?.();
        wake = null;
      });
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
          if (recheckAccess) {
            recheckAccess = false;
            const still = new Set(await visibleTo(viewer, ids));
            for (const id of ids.filter((id) => !still.has(id))) {
              offById.get(id)?.();
              offById.delete(id);
              // The last word about them: the watcher forgets what it showed; nothing more follows.
              queue.splice(0, queue.length, ...queue.filter((p) => p.userId !== id));
              yield { userId: id, state: "hidden" as const, lastSeenAt: null };
            }
            ids = ids.filter((id) => still.has(id));
          }
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
        offRelations();
        for (const off of offById.values()) off();
      }
    },
  };
}
