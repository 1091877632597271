import { channels, type TChannel, type TPresence, type TViewer } from "@orgo/api-contract";
import { LiveFeed, type LiveSink, type LiveSource, type PresenceService } from "@orgo/api-contract/server";
import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { PresenceStore } from "../../platform/presence/presence-store.js";
import { createPresenceHub } from "../../platform/presence/presence-hub.js";
import { LIVE_MAX_QUEUE, streamSource } from "../../platform/live/live-stream.js";

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
  const hub = createPresenceHub({
    bus,
    store,
    visibleTo: (viewerId, userIds) => visibleTo({ userId: viewerId }, userIds),
    recheckEveryMs,
  });

  /**
   * One tab's watch, served by the process's presence hub (one listener per watched
   * person, one timer for all); iterated (tests, tRPC's own adapters) through a hub
   * of its own like every feed.
   */
  class PresenceWatchSource implements LiveSource<TPresence> {
    readonly afterId = null;
    readonly maxQueue = LIVE_MAX_QUEUE;

    constructor(
      private readonly viewerId: string,
      private readonly userIds: readonly string[],
    ) {}

    get channel(): TChannel {
      return channels.user(this.viewerId);
    }
    serve(sink: LiveSink) {
      return hub.watch(this.viewerId, this.userIds, sink);
    }
    select(): TPresence | null {
      return null;
    }
    catchUp(): Promise<TPresence[]> {
      return Promise.resolve([]);
    }
    headId(): Promise<number> {
      return Promise.resolve(0);
    }
    idOf(): number {
      return 0;
    }
    iterate(signal: AbortSignal): AsyncIterable<TPresence> {
      return streamSource(bus, this, signal);
    }
  }

  /** Of these people, the ones I follow or share a room with, and no block between us. */
  async function visibleTo(viewer: Pick<TViewer, "userId">, userIds: string[]): Promise<string[]> {
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

    watch(viewer, userIds, signal) {
      return LiveFeed.of(new PresenceWatchSource(viewer.userId, userIds), signal);
    },
  };
}
