import { EventEmitter } from "node:events";
import type { WebSocket } from "ws";
import { describe, expect, it } from "vitest";
import type { TPresence } from "@orgo/api-contract";
import { createMemoryPresenceStore } from "../../src/platform/presence/presence-store.js";
import { AWAY_AFTER_MS, createPresenceTracker } from "../../src/platform/presence/presence-tracker.js";
import { createPresenceService } from "../../src/domains/presence/presence.service.js";
import { createLogger } from "../../src/platform/logger.js";
import { ensureDirectRoom } from "../../src/domains/chat/chat-events.js";
import { communityFixture } from "../helpers/community-fixture.js";
import { waitFor } from "../helpers/wait.js";

/** A stand-in for a websocket: presence only listens for its close. */
const fakeSocket = () => new EventEmitter() as unknown as WebSocket & EventEmitter;

describe("presence", () => {
  const f = communityFixture();
  let clock = 1_000_000;
  const now = () => clock;

  function setup() {
    const store = createMemoryPresenceStore(now);
    const tracker = createPresenceTracker({ store, bus: f.bus, logger: createLogger("silent"), now, ttlMs: 30_000 });
    const service = createPresenceService({ db: f.fresh.db, bus: f.bus, presenceStore: store, presenceTtlMs: 30_000 });
    return { store, tracker, service };
  }

  it("is online with a tab open, away after 5 minutes hidden, offline with a last-seen time when the last tab closes", async () => {
    const { tracker, service } = setup();
    const me = await f.person();
    const friend = await f.person();
    await f.social.follow(me, friend.userId);
    const tab = fakeSocket();
    tracker.connect(friend.userId, tab);
    const stateOf = async () => (await service.of(me, [friend.userId]))[0];
    await expect.poll(async () => (await stateOf())?.state).toBe("online");

    tracker.report(friend.userId, tab, false);
    clock += AWAY_AFTER_MS - 1_000;
    await tracker.renewAll();
    expect((await stateOf())?.state).toBe("online");
    clock += 2_000;
    await tracker.renewAll();
    expect((await stateOf())?.state).toBe("away");

    // A second tab, shown, brings them back; closing both takes them offline.
    const second = fakeSocket();
    tracker.connect(friend.userId, second);
    await tracker.renewAll();
    expect((await stateOf())?.state).toBe("online");
    tracker.disconnect(friend.userId, tab);
    tracker.disconnect(friend.userId, second);
    await expect.poll(async () => (await stateOf())?.state).toBe("offline");
    expect((await stateOf())?.lastSeenAt?.getTime()).toBe(clock);
    await tracker.stop();
  });

  it("shows only people I follow or share a room with, never across a block", async () => {
    const { tracker, service } = setup();
    const me = await f.person();
    const [followed, stranger, blocked] = [await f.person(), await f.person(), await f.person()];
    await f.social.follow(me, followed.userId);
    await f.social.follow(me, blocked.userId);
    await f.social.block(blocked, me.userId);
    for (const person of [followed, stranger, blocked]) tracker.connect(person.userId, fakeSocket());
    const seen = await service.of(me, [followed.userId, stranger.userId, blocked.userId]);
    expect(seen.map((p) => p.userId)).toEqual([followed.userId]);
    await tracker.stop();
  });

  it("hides a person I share a room with (and do not follow) once either of us blocks the other", async () => {
    const { tracker, service } = setup();
    const me = await f.person();
    const roommate = await f.person();
    // A room without a follow (mentoring opens such rooms): sharing it is what makes
    // presence visible, so only the block can hide it.
    await f.fresh.db.$transaction((tx) => ensureDirectRoom(tx, me.userId, roommate.userId));
    tracker.connect(roommate.userId, fakeSocket());
    expect((await service.of(me, [roommate.userId])).map((p) => p.userId)).toEqual([roommate.userId]);
    await f.social.block(roommate, me.userId);
    expect(await service.of(me, [roommate.userId])).toEqual([]);
    expect(await service.of(roommate, [me.userId])).toEqual([]);
    await tracker.stop();
  });

  it("streams a snapshot, then each change, to a watcher", async () => {
    const { tracker, service } = setup();
    const me = await f.person();
    const friend = await f.person();
    await f.social.follow(me, friend.userId);
    const controller = new AbortController();
    const seen: TPresence["state"][] = [];
    void (async () => {
      for await (const presence of service.watch(me, [friend.userId], controller.signal)) seen.push(presence.state);
    })();
    await waitFor(() => seen.length === 1, "the snapshot");
    const tab = fakeSocket();
    tracker.connect(friend.userId, tab);
    await waitFor(() => seen.length === 2, "online");
    tracker.disconnect(friend.userId, tab);
    await waitFor(() => seen.length === 3, "offline");
    expect(seen).toEqual(["offline", "online", "offline"]);
    controller.abort();
    await tracker.stop();
  });

  it("ends what an open watch tells once the watched person blocks the watcher, or the watcher unfollows", async () => {
    // Found from outside: presence.of showed nothing, but an open watch kept streaming.
    const { tracker, service } = setup();
    const watcher = await f.person();
    const [blocker, unfollowed] = [await f.person(), await f.person()];
    await f.social.follow(watcher, blocker.userId);
    await f.social.follow(watcher, unfollowed.userId);
    const controller = new AbortController();
    const seen: TPresence[] = [];
    void (async () => {
      for await (const presence of service.watch(watcher, [blocker.userId, unfollowed.userId], controller.signal)) {
        seen.push(presence);
      }
    })();
    const stateOf = (userId: string) => seen.filter((p) => p.userId === userId).at(-1)?.state;
    await waitFor(() => stateOf(blocker.userId) === "offline" && stateOf(unfollowed.userId) === "offline", "snapshot");
    const tabs = [fakeSocket(), fakeSocket()];
    tracker.connect(blocker.userId, tabs[0]!);
    tracker.connect(unfollowed.userId, tabs[1]!);
    await waitFor(() => stateOf(blocker.userId) === "online" && stateOf(unfollowed.userId) === "online", "online");

    await f.social.block(blocker, watcher.userId);
    await f.social.unfollow(watcher, unfollowed.userId);
    await waitFor(() => stateOf(blocker.userId) === "hidden" && stateOf(unfollowed.userId) === "hidden", "hidden");
    const told = seen.length;
    // Afterwards nothing more is told about either of them.
    tracker.disconnect(blocker.userId, tabs[0]!);
    tracker.disconnect(unfollowed.userId, tabs[1]!);
    await new Promise((resolve) => setTimeout(resolve, 300)); // proves that nothing comes
    expect(seen.length).toBe(told);
    // "hidden" carries no last-seen time either.
    expect(seen.filter((p) => p.state === "hidden").map((p) => p.lastSeenAt)).toEqual([null, null]);
    controller.abort();
    await tracker.stop();
  });
});
