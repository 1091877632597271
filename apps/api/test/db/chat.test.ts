import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { ZCreateStudyInput, ZSendMessageInput, type TRoomEvent, type TViewer } from "@orgo/api-contract";
import { createChatService } from "../../src/domains/chat/chat.service.js";
import { createStudyService } from "../../src/domains/studies/study.service.js";
import { createMemoryRateLimiter } from "../../src/platform/rate-limit/memory-rate-limiter.js";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";
import { chatServiceOf, talkingPairOf } from "../helpers/chat-service.js";
import { waitFor } from "../helpers/wait.js";

/** The rules of who may talk, and the numbering of messages, on the services against a real database. */
describe("chat", () => {
  const f = communityFixture();
  let chat: ReturnType<typeof createChatService>;
  let studies: ReturnType<typeof createStudyService>;
  const send = (viewer: TViewer, roomId: number, body = "hello") =>
    chat.send(viewer, { roomId, clientId: randomUUID(), body, imageIds: [], fileIds: [] });
  const codeOf = async (promise: Promise<unknown>) => (await appErrorOf(promise)).code;

  beforeAll(() => {
    chat = chatServiceOf(f);
    studies = createStudyService(f.deps);
  });

  const talkingPair = () => talkingPairOf(f, chat);

  /** Collects a room's live stream until stopped. */
  function watch(viewer: TViewer, roomId: number, after: number | null = null) {
    const controller = new AbortController();
    const events: { id?: number; event: TRoomEvent }[] = [];
    let ended = false;
    let error: unknown = null;
    void (async () => {
      try {
        for await (const item of chat.streamRoom(viewer, { roomId, afterChangeSeq: after }, controller.signal))
          events.push(item);
      } catch (e) {
        error = e;
      }
      ended = true;
    })();
    return {
      events,
      messages: () => events.flatMap((e) => (e.event.kind === "message" ? [e.event.message] : [])),
      ended: () => ended,
      error: () => error,
      stop: () => controller.abort(),
    };
  }

  it("opens one room per pair: only with someone I follow, the same room from either side", async () => {
    const a = await f.person();
    const b = await f.person();
    const c = await f.person();
    expect(await codeOf(chat.openDirect(a, { userId: b.userId }))).toBe("FORBIDDEN");
    await f.social.follow(a, b.userId);
    const room = await chat.openDirect(a, { userId: b.userId });
    expect(room).toMatchObject({ kind: "direct", peer: { handle: b.handle }, messageSeq: 0, unreadCount: 0 });
    // B does not follow A, but the room exists: reopening from either side gives the same one.
    expect((await chat.openDirect(b, { userId: a.userId })).id).toBe(room.id);
    expect((await chat.openDirect(a, { userId: b.userId })).id).toBe(room.id);
    // Opening at the same instant from both sides still makes one room.
    await f.social.follow(b, c.userId);
    await f.social.follow(c, b.userId);
    const both = await Promise.all([
      chat.openDirect(b, { userId: c.userId }),
      chat.openDirect(c, { userId: b.userId }),
    ]);
    expect(both[0].id).toBe(both[1].id);
    // B was told once that A started the conversation (never on reopening); A never.
    const told = await f.fresh.db.notification.findMany({ where: { type: "chat_opened", roomId: room.id } });
    expect(told.map((n) => [n.recipientId, n.actorId])).toEqual([[b.userId, a.userId]]);
    // Two racing openers make one room and one notification, for whoever did not make it.
    expect(await f.fresh.db.notification.count({ where: { type: "chat_opened", roomId: both[0].id } })).toBe(1);
    expect(await codeOf(chat.openDirect(a, { userId: a.userId }))).toBe("VALIDATION");
    expect(await codeOf(chat.openDirect(a, { userId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
  });

  it("keeps the room writable by both sides after the follow ends", async () => {
    const { a, b, room } = await talkingPair();
    await f.social.unfollow(a, b.userId);
    await send(a, room.id, "still here");
    await send(b, room.id, "me too");
    expect((await chat.history(a, { roomId: room.id, limit: 10 })).items.map((msg) => msg.body)).toEqual([
      "still here",
      "me too",
    ]);
  });

  it("hides a room behind a block, both ways, for sending, reading and streaming, and brings it back", async () => {
    const { a, b, room } = await talkingPair();
    await send(a, room.id, "before the block");
    const live = watch(b, room.id);
    await new Promise((resolve) => setTimeout(resolve, 30));

    await f.social.block(b, a.userId);
    await waitFor(() => live.ended(), "B's stream to end at the block", 2_000);
    for (const who of [a, b]) {
      expect((await chat.inbox(who)).rooms.map((r) => r.id)).not.toContain(room.id);
      expect(await codeOf(send(who, room.id))).toBe("NOT_FOUND");
      expect(await codeOf(chat.history(who, { roomId: room.id, limit: 10 }))).toBe("NOT_FOUND");
      expect(await codeOf(chat.room(who, { roomId: room.id }))).toBe("NOT_FOUND");
    }
    expect(await codeOf(chat.openDirect(a, { userId: b.userId }))).toBe("FORBIDDEN");
    const refused = watch(a, room.id, 0);
    await waitFor(() => refused.ended(), "a new stream to be refused");
    expect((refused.error() as { code?: string }).code).toBe("NOT_FOUND");

    await f.social.unblock(b, a.userId);
    expect((await chat.inbox(a)).rooms.map((r) => r.id)).toContain(room.id);
    expect((await chat.history(b, { roomId: room.id, limit: 10 })).items.map((msg) => msg.body)).toEqual([
      "before the block",
    ]);
  });

  it("answers NOT_FOUND to anyone outside the room, for messages, sends and live streams", async () => {
    const a = await f.person();
    const b = await f.person();
    const outsider = await f.person();
    await f.social.follow(a, b.userId);
    const room = await chat.openDirect(a, { userId: b.userId });
    await send(a, room.id, "private");
    expect(await codeOf(chat.history(outsider, { roomId: room.id, limit: 10 }))).toBe("NOT_FOUND");
    expect(await codeOf(send(outsider, room.id))).toBe("NOT_FOUND");
    expect(await codeOf(chat.markRead(outsider, { roomId: room.id, seq: 1 }))).toBe("NOT_FOUND");
    expect(await codeOf(chat.typing(outsider, { roomId: room.id }))).toBe("NOT_FOUND");
    const stream = watch(outsider, room.id, 0);
    await waitFor(() => stream.ended(), "the outsider's stream to be refused");
    expect((stream.error() as { code?: string }).code).toBe("NOT_FOUND");
    expect(stream.events).toEqual([]);
  });

  it("gives a study's room to exactly its members: leaving or removal ends it at once, promotion grants it", async () => {
    const leader = await f.person();
    const [member, removed, waiting] = [await f.person(), await f.person(), await f.person()];
    const study = await studies.create(
      leader,
      ZCreateStudyInput.parse({
        title: "Chat study",
        description: "with a room",
        startsOn: "2099-01-01",
        endsOn: "2099-02-01",
        online: true,
        capacity: 3,
      }),
    );
    await studies.join(member, { id: study.id });
    await studies.join(removed, { id: study.id });
    await studies.joinWaitlist(waiting, { id: study.id });
    const roomId = (await chat.inbox(leader)).rooms.find((r) => r.study?.id === study.id)!.id;
    expect(await codeOf(send(waiting, roomId))).toBe("NOT_FOUND");

    const memberStream = watch(member, roomId);
    const removedStream = watch(removed, roomId);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await studies.removeMember(leader, { id: study.id, userId: removed.userId });
    await waitFor(() => removedStream.ended(), "the removed member's stream to end", 1_000);
    expect(await codeOf(send(removed, roomId))).toBe("NOT_FOUND");
    // The freed seat went to the waitlist, and the room with it.
    await send(waiting, roomId, "promoted, and in the room");

    await studies.leave(member, { id: study.id });
    await waitFor(() => memberStream.ended(), "the leaving member's stream to end", 1_000);
    expect(await codeOf(chat.history(member, { roomId, limit: 10 }))).toBe("NOT_FOUND");
    const members = await f.fresh.db.chatMember.findMany({ where: { roomId }, select: { userId: true } });
    expect(members.map((x) => x.userId).sort()).toEqual([leader.userId, waiting.userId].sort());
  });

  it("counts what a study's room said before I joined as read: history to scroll, not news", async () => {
    const leader = await f.person();
    const newcomer = await f.person();
    const study = await studies.create(
      leader,
      ZCreateStudyInput.parse({
        title: "Room with a past",
        description: "talked before you came",
        startsOn: "2099-01-01",
        endsOn: "2099-02-01",
        online: true,
        capacity: 3,
      }),
    );
    const roomId = (await chat.inbox(leader)).rooms.find((r) => r.study?.id === study.id)!.id;
    await send(leader, roomId, "before you came");
    await send(leader, roomId, "still before");
    await studies.join(newcomer, { id: study.id });
    const joined = (await chat.inbox(newcomer)).rooms.find((r) => r.id === roomId)!;
    expect(joined.unreadCount).toBe(0);
    expect((await chat.history(newcomer, { roomId, limit: 10 })).items.map((m) => m.body)).toEqual([
      "before you came",
      "still before",
    ]);
    await send(leader, roomId, "welcome!");
    expect((await chat.inbox(newcomer)).rooms.find((r) => r.id === roomId)!.unreadCount).toBe(1);
  });

  it("lets only the sender edit (marked edited) or delete (a placeholder stays), and changes nothing otherwise", async () => {
    const { a, b, room } = await talkingPair();
    const sent = await send(a, room.id, "first version");
    expect(await codeOf(chat.edit(b, { roomId: room.id, seq: sent.seq, body: "hijacked" }))).toBe("FORBIDDEN");
    expect(await codeOf(chat.delete(b, { roomId: room.id, seq: sent.seq }))).toBe("FORBIDDEN");
    expect((await chat.history(a, { roomId: room.id, limit: 5 })).items[0]).toMatchObject({
      body: "first version",
      edited: false,
      deleted: false,
    });
    expect(await chat.edit(a, { roomId: room.id, seq: sent.seq, body: "second version" })).toMatchObject({
      body: "second version",
      edited: true,
    });
    expect(await chat.delete(a, { roomId: room.id, seq: sent.seq })).toMatchObject({ body: "", deleted: true });
    expect(await codeOf(chat.edit(a, { roomId: room.id, seq: sent.seq, body: "again" }))).toBe("NOT_FOUND");
    const [placeholder] = (await chat.history(b, { roomId: room.id, limit: 5 })).items;
    expect(placeholder).toMatchObject({ seq: sent.seq, deleted: true, body: "" });
  });

  it("refuses a person's 31st message within 10 s with RATE_LIMITED and stores nothing for it", async () => {
    const limited = createChatService({
      guard: f.guard,
      previews: f.deps.previews,
      db: f.fresh.db,
      bus: f.bus,
      limiter: createMemoryRateLimiter(),
      storage: f.storage,
      sendLimit: { limit: 30, windowMs: 10_000 },
    });
    const { a, room } = await talkingPair();
    for (let i = 0; i < 30; i++) {
      await limited.send(a, { roomId: room.id, clientId: randomUUID(), body: `${i}`, imageIds: [], fileIds: [] });
    }
    const refused = await appErrorOf(
      limited.send(a, { roomId: room.id, clientId: randomUUID(), body: "31", imageIds: [], fileIds: [] }),
    );
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await f.fresh.db.chatMessage.count({ where: { roomId: room.id } })).toBe(30);
  });

  it("stores a message once however often it is retried, and numbers concurrent messages 1…N without gaps", async () => {
    const people = [await f.person(), await f.person(), await f.person(), await f.person(), await f.person()];
    const leader = people[0]!;
    const study = await studies.create(
      leader,
      ZCreateStudyInput.parse({
        title: "Busy room",
        description: "everyone at once",
        startsOn: "2099-01-01",
        endsOn: "2099-02-01",
        online: true,
        capacity: 10,
      }),
    );
    for (const person of people.slice(1)) await studies.join(person, { id: study.id });
    const roomId = (await chat.inbox(leader)).rooms.find((r) => r.study?.id === study.id)!.id;

    const clientId = randomUUID();
    const retries = await Promise.all(
      Array.from({ length: 20 }, () =>
        chat.send(people[1]!, { roomId, clientId, body: "only once", imageIds: [], fileIds: [] }),
      ),
    );
    expect(new Set(retries.map((msg) => msg.seq))).toEqual(new Set([1]));
    expect(await f.fresh.db.chatMessage.count({ where: { roomId } })).toBe(1);

    // Five people at once, each sending 40 one after the other, as a client does.
    await Promise.all(
      people.map(async (person, p) => {
        for (let i = 0; i < 40; i++) await send(person, roomId, `${p}:${i}`);
      }),
    );
    const rows = await f.fresh.db.chatMessage.findMany({ where: { roomId }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    expect(rows.map((r) => r.changeSeq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    // Each sender's own messages kept the order they were sent in.
    for (let p = 0; p < people.length; p++) {
      const mine = rows.filter((r) => r.body.startsWith(`${p}:`)).map((r) => Number(r.body.split(":")[1]));
      expect(mine).toEqual([...mine].sort((x, y) => x - y));
    }
  });

  it("numbers sends 1…N under the room's row lock when two processes send to one room at once", async () => {
    // Each process has its own queue of sends per room: only the database's atomic
    // numbering keeps two of them apart (a second service is a second process here).
    const other = createChatService({
      guard: f.guard,
      previews: f.deps.previews,
      db: f.fresh.db,
      bus: f.bus,
      limiter: createMemoryRateLimiter(),
      storage: f.storage,
      sendLimit: { limit: 10_000, windowMs: 10_000 },
    });
    const { a, b, room } = await talkingPair();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 ? chat : other).send(i % 3 ? a : b, {
          roomId: room.id,
          clientId: randomUUID(),
          body: `${i}`,
          imageIds: [],
          fileIds: [],
        }),
      ),
    );
    const rows = await f.fresh.db.chatMessage.findMany({ where: { roomId: room.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(rows.map((r) => r.changeSeq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it("clamps a read mark past the end to the newest message, not to the room's change number", async () => {
    const { a, b, room } = await talkingPair();
    const first = await send(a, room.id, "one");
    await send(a, room.id, "two");
    // An edit is a change, not a message: the room now has 2 messages and 3 changes.
    await chat.edit(a, { roomId: room.id, seq: first.seq, body: "one, edited" });
    await chat.markRead(b, { roomId: room.id, seq: 1_000 });
    const read = await chat.room(b, { roomId: room.id });
    expect(read.lastReadSeq).toBe(2);
    expect(read.unreadCount).toBe(0);
    // The next message is unread: a mark at 3 would have swallowed it.
    await send(a, room.id, "three");
    expect((await chat.room(b, { roomId: room.id })).unreadCount).toBe(1);
  });

  it("never tells a study-room member they were mentioned by someone on either side of a block", async () => {
    const [leader, blocker, blocked] = [await f.person(), await f.person(), await f.person()];
    const study = await studies.create(
      leader,
      ZCreateStudyInput.parse({
        title: "Mentions",
        description: "in a shared room",
        startsOn: "2099-01-01",
        endsOn: "2099-02-01",
        online: true,
        capacity: 5,
      }),
    );
    await studies.join(blocker, { id: study.id });
    await studies.join(blocked, { id: study.id });
    const roomId = (await chat.inbox(leader)).rooms.find((r) => r.study?.id === study.id)!.id;
    await f.social.block(blocker, blocked.userId);
    const mentionsOf = (userId: string) =>
      f.fresh.db.notification.count({ where: { recipientId: userId, type: "mention", roomId } });

    await send(blocked, roomId, `@${blocker.handle} and @${leader.handle}, look`);
    await send(blocker, roomId, `@${blocked.handle}?`);
    expect(await mentionsOf(blocker.userId)).toBe(0);
    expect(await mentionsOf(blocked.userId)).toBe(0);
    // The same message still reaches the member nobody blocked.
    expect(await mentionsOf(leader.userId)).toBe(1);
  });

  it("counts unread per room and in total, moves the read point only forward, and shows the other side's", async () => {
    const { a, b, room } = await talkingPair();
    for (const body of ["one", "two", "three"]) await send(a, room.id, body);
    const inbox = await chat.inbox(b);
    expect(inbox.rooms.find((r) => r.id === room.id)).toMatchObject({ unreadCount: 3, lastReadSeq: 0 });
    expect(inbox.unreadTotal).toBeGreaterThanOrEqual(3);
    await chat.markRead(b, { roomId: room.id, seq: 2 });
    await chat.markRead(b, { roomId: room.id, seq: 1 });
    expect((await chat.room(b, { roomId: room.id })).unreadCount).toBe(1);
    expect((await chat.room(a, { roomId: room.id })).peerReadSeq).toBe(2);
    // A read point past the last message stops at it.
    await chat.markRead(b, { roomId: room.id, seq: 99 });
    expect((await chat.room(b, { roomId: room.id })).lastReadSeq).toBe(3);
    // My own messages are read by me.
    expect((await chat.room(a, { roomId: room.id })).unreadCount).toBe(0);
  });

  it("hides a room I leave from my list only, until a newer message arrives", async () => {
    const { a, b, room } = await talkingPair();
    await send(b, room.id, "hi");
    await chat.hide(a, { roomId: room.id });
    expect((await chat.inbox(a)).rooms.map((r) => r.id)).not.toContain(room.id);
    expect((await chat.inbox(b)).rooms.map((r) => r.id)).toContain(room.id);
    await send(b, room.id, "are you there?");
    expect((await chat.inbox(a)).rooms.map((r) => r.id)).toContain(room.id);
  });

  it("mutes a room for me only: still counted as unread, marked muted; outsiders get NOT_FOUND", async () => {
    const { a, b, room } = await talkingPair();
    const muted = await chat.mute(a, { roomId: room.id, muted: true });
    expect(muted.muted).toBe(true);
    await send(b, room.id, "are you muted?");
    const mine = (await chat.inbox(a)).rooms.find((r) => r.id === room.id)!;
    expect(mine).toMatchObject({ muted: true, unreadCount: 1 });
    expect((await chat.inbox(b)).rooms.find((r) => r.id === room.id)!.muted).toBe(false);
    const stranger = await f.person();
    expect(await codeOf(chat.mute(stranger, { roomId: room.id, muted: true }))).toBe("NOT_FOUND");
    expect((await chat.mute(a, { roomId: room.id, muted: false })).muted).toBe(false);
  });

  it("streams every change after the client's last id once, in order, then live changes and typing", async () => {
    const { a, b, room } = await talkingPair();
    const first = await send(a, room.id, "m1");
    await send(a, room.id, "m2");
    await chat.edit(a, { roomId: room.id, seq: first.seq, body: "m1 edited" });
    // Resumes after change 1: m2, then m1's edit (change 3), then what comes live.
    const stream = watch(b, room.id, 1);
    await waitFor(() => stream.events.length === 2, "the catch-up");
    await send(a, room.id, "m3");
    await chat.typing(a, { roomId: room.id });
    await chat.typing(a, { roomId: room.id }); // within 3 s: not relayed again
    await waitFor(() => stream.events.length >= 4, "live message and typing");
    await new Promise((resolve) => setTimeout(resolve, 50));
    stream.stop();
    // Messages keep their order; typing is ephemeral and may pass a message being
    // published at the same moment (its order against messages is no promise).
    expect(stream.events.filter((e) => e.id !== undefined).map((e) => e.id)).toEqual([2, 3, 4]);
    expect(stream.events.filter((e) => e.event.kind === "typing")).toHaveLength(1);
    expect(stream.messages().map((msg) => msg.body)).toEqual(["m2", "m1 edited", "m3"]);
  });

  it("keeps the messages of a deleted account, shown without an author", async () => {
    const { a, b, room } = await talkingPair();
    await send(a, room.id, "from someone who leaves");
    await f.fresh.db.user.delete({ where: { id: a.userId } });
    const [message] = (await chat.history(b, { roomId: room.id, limit: 5 })).items;
    expect(message).toMatchObject({ body: "from someone who leaves", author: null });
    expect((await chat.inbox(b)).rooms.find((r) => r.id === room.id)?.peer).toBeNull();
  });

  it("carries up to 4 of my own fresh pictures per message, drops them with the message, and refuses an empty one", async () => {
    const { a, b, room } = await talkingPair();
    const picture = (color: string) =>
      sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
        .png()
        .toBuffer();
    const [first, second] = [
      await f.uploadPostImage(a, await picture("#f00")),
      await f.uploadPostImage(a, await picture("#0f0")),
    ];
    const sent = await chat.send(a, {
      roomId: room.id,
      clientId: randomUUID(),
      body: "",
      imageIds: [second.id, first.id],
      fileIds: [],
    });
    expect(sent.images.map((image) => image.id)).toEqual([second.id, first.id]);
    expect((await chat.history(b, { roomId: room.id, limit: 5 })).items[0]?.images).toHaveLength(2);

    // Used already, or someone else's: refused, and nothing is sent.
    const reused = await appErrorOf(
      chat.send(a, { roomId: room.id, clientId: randomUUID(), body: "again", imageIds: [first.id], fileIds: [] }),
    );
    expect(reused.details?.fieldErrors?.imageIds).toBeDefined();
    const theirs = await f.uploadPostImage(b, await picture("#00f"));
    expect(
      await codeOf(
        chat.send(a, { roomId: room.id, clientId: randomUUID(), body: "x", imageIds: [theirs.id], fileIds: [] }),
      ),
    ).toBe("VALIDATION");
    expect((await chat.room(a, { roomId: room.id })).messageSeq).toBe(1);

    await chat.delete(a, { roomId: room.id, seq: sent.seq });
    expect((await chat.history(b, { roomId: room.id, limit: 5 })).items[0]?.images).toEqual([]);
    expect(await f.fresh.db.upload.count({ where: { id: { in: [first.id, second.id] } } })).toBe(0);

    const empty = ZSendMessageInput.safeParse({ roomId: room.id, clientId: randomUUID(), body: "   " });
    expect(empty.success).toBe(false);
    const tooMany = ZSendMessageInput.safeParse({
      roomId: room.id,
      clientId: randomUUID(),
      body: "five",
      imageIds: Array.from({ length: 5 }, () => randomUUID()),
    });
    expect(tooMany.success).toBe(false);
  });
});
