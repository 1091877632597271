import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { CHAT_REACTIONS_MAX, ZReactionInput, type TChatMessage, type TViewer } from "@orgo/api-contract";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";
import { chatServiceOf, talkingPairOf } from "../helpers/chat-service.js";
import { waitFor } from "../helpers/wait.js";

/** Reactions: any member, idempotent, capped, live to every member in the room's change order. */
describe("chat reactions", () => {
  const f = communityFixture();
  let chat: ReturnType<typeof chatServiceOf>;
  const codeOf = async (promise: Promise<unknown>) => (await appErrorOf(promise)).code;
  // Emoji the cap test cycles through: 21 different ones.
  const faces = [..."😀😃😄😁😆😅😂🙂🙃😉😊😇🥰😍🤩😘😗😚😙🥲😋"];

  beforeAll(() => {
    chat = chatServiceOf(f);
  });

  async function talkingPair() {
    const { a, b, room } = await talkingPairOf(f, chat);
    const message = await chat.send(a, {
      roomId: room.id,
      clientId: randomUUID(),
      body: "hello",
      imageIds: [],
      fileIds: [],
    });
    return { a, b, room, message };
  }

  /** The room's live message changes as B sees them, from now on. */
  async function watch(viewer: TViewer, roomId: number) {
    const controller = new AbortController();
    const seen: { id?: number; message: TChatMessage }[] = [];
    void (async () => {
      const feed = chat.streamRoom(viewer, { roomId, afterChangeSeq: null }, controller.signal);
      for await (const item of feed)
        if (item.event.kind === "message") seen.push({ id: item.id, message: item.event.message });
    })().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { seen, stop: () => controller.abort() };
  }

  it("counts each person once per emoji, names them in reaction order, and takes mine back on request", async () => {
    const { a, b, room, message } = await talkingPair();
    const ref = { roomId: room.id, seq: message.seq };
    await chat.react(b, { ...ref, emoji: "👍" }, true);
    await chat.react(a, { ...ref, emoji: "👍" }, true);
    const after = await chat.react(a, { ...ref, emoji: "🎉" }, true);
    expect(after.reactions).toEqual([
      {
        emoji: "👍",
        count: 2,
        users: [expect.objectContaining({ id: b.userId }), expect.objectContaining({ id: a.userId })],
        userIds: [b.userId, a.userId],
      },
      { emoji: "🎉", count: 1, users: [expect.objectContaining({ id: a.userId })], userIds: [a.userId] },
    ]);
    const taken = await chat.react(b, { ...ref, emoji: "👍" }, false);
    expect(taken.reactions.map((r) => [r.emoji, r.count])).toEqual([
      ["👍", 1],
      ["🎉", 1],
    ]);
    // History reads the same.
    const page = await chat.history(b, { roomId: room.id, limit: 10 });
    expect(page.items[0]!.reactions.map((r) => r.userIds)).toEqual([[a.userId], [a.userId]]);
  });

  it("is idempotent: a repeated reaction or withdrawal changes nothing and publishes nothing", async () => {
    const { a, b, room, message } = await talkingPair();
    const ref = { roomId: room.id, seq: message.seq, emoji: "🔥" };
    const stream = await watch(b, room.id);
    const tries = await Promise.all(Array.from({ length: 10 }, () => chat.react(a, ref, true)));
    await chat.react(a, ref, false);
    await chat.react(a, ref, false);
    await waitFor(() => stream.seen.length >= 2, "the two changes");
    await new Promise((resolve) => setTimeout(resolve, 100));
    stream.stop();
    expect(new Set(tries.map((t) => t.reactions[0]?.count))).toEqual(new Set([1]));
    expect(await f.fresh.db.chatReaction.count({ where: { userId: a.userId } })).toBe(0);
    // One change for the ten tries, one for the two withdrawals, in the room's change order.
    expect(stream.seen.map((s) => s.message.reactions.length)).toEqual([1, 0]);
    const ids = stream.seen.map((s) => s.id!);
    expect(ids[1]).toBe(ids[0]! + 1);
    expect(stream.seen.map((s) => s.message.changeSeq)).toEqual(ids);
  });

  it(`allows ${CHAT_REACTIONS_MAX} different emoji on a message, refuses one more with CONFLICT, still counts one already there`, async () => {
    const { a, b, room, message } = await talkingPair();
    const ref = { roomId: room.id, seq: message.seq };
    for (const emoji of faces.slice(0, CHAT_REACTIONS_MAX)) await chat.react(a, { ...ref, emoji }, true);
    expect(await codeOf(chat.react(b, { ...ref, emoji: faces[CHAT_REACTIONS_MAX]! }, true))).toBe("CONFLICT");
    const joined = await chat.react(b, { ...ref, emoji: faces[0]! }, true);
    expect(joined.reactions).toHaveLength(CHAT_REACTIONS_MAX);
    expect(joined.reactions[0]!.count).toBe(2);
  });

  it("refuses strangers, a blocked pair and a deleted message with NOT_FOUND, and anything but one emoji in the contract", async () => {
    const { a, b, room, message } = await talkingPair();
    const ref = { roomId: room.id, seq: message.seq, emoji: "👍" };
    const stranger = await f.person();
    expect(await codeOf(chat.react(stranger, ref, true))).toBe("NOT_FOUND");
    expect(await codeOf(chat.react(a, { ...ref, seq: message.seq + 5 }, true))).toBe("NOT_FOUND");
    await f.social.block(b, a.userId);
    expect(await codeOf(chat.react(a, ref, true))).toBe("NOT_FOUND");
    await f.social.unblock(b, a.userId);
    await chat.react(b, ref, true);
    const deleted = await chat.delete(a, { roomId: room.id, seq: message.seq });
    expect(deleted.reactions).toEqual([]);
    expect(await codeOf(chat.react(b, { ...ref, emoji: "🎉" }, true))).toBe("NOT_FOUND");

    for (const emoji of ["👍", "👍🏽", "👨‍👩‍👧", "🇰🇷", "❤️"]) {
      expect(ZReactionInput.safeParse({ ...ref, emoji }).success, emoji).toBe(true);
    }
    for (const emoji of ["", "a", "👍👍", ":)", "<b>", "👍 ", "1"]) {
      expect(ZReactionInput.safeParse({ ...ref, emoji }).success, emoji).toBe(false);
    }
  });
});
