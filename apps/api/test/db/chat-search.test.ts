import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ZChatHistoryInput,
  ZChatSearchInput,
  ZCreateStudyInput,
  type TChatSearchInput,
  type TViewer,
} from "@orgo/api-contract";
import { createStudyService } from "../../src/domains/studies/study.service.js";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";
import { chatServiceOf, talkingPairOf } from "../helpers/chat-service.js";

/** Search in my conversations, and the page around a message it opens. */
describe("chat search", () => {
  const f = communityFixture();
  let chat: ReturnType<typeof chatServiceOf>;
  let studies: ReturnType<typeof createStudyService>;
  const send = (viewer: TViewer, roomId: number, body: string) =>
    chat.send(viewer, { roomId, clientId: randomUUID(), body, imageIds: [], fileIds: [] });
  const find = async (viewer: TViewer, input: Partial<TChatSearchInput> & { q: string }) =>
    (await chat.search(viewer, ZChatSearchInput.parse(input))).items;

  beforeAll(() => {
    chat = chatServiceOf(f);
    studies = createStudyService(f.deps);
  });

  async function studyWith(leader: TViewer, ...members: TViewer[]) {
    const study = await studies.create(
      leader,
      ZCreateStudyInput.parse({
        title: `Search study ${randomUUID().slice(0, 6)}`,
        description: "with a room",
        startsOn: "2099-01-01",
        endsOn: "2099-02-01",
        online: true,
        capacity: 5,
      }),
    );
    for (const member of members) await studies.join(member, { id: study.id });
    const room = (await chat.inbox(leader)).rooms.find((r) => r.study?.id === study.id)!;
    return { study, roomId: room.id };
  }

  it("finds words anywhere in my rooms, Korean partial words too, newest first, with the room and a snippet", async () => {
    const { a, b, room } = await talkingPairOf(f, chat);
    const { roomId: studyRoom, study } = await studyWith(a, b);
    const word = `zebra${randomUUID().slice(0, 6)}`;
    await send(a, room.id, `the ${word} bug again`);
    await send(b, studyRoom, `오늘 자바스크립트 ${word.toUpperCase()} 공부`);
    await send(b, room.id, "nothing to see");
    const hits = await find(b, { q: word });
    expect(hits.map((h) => [h.roomId, h.roomKind])).toEqual([
      [studyRoom, "study"],
      [room.id, "direct"],
    ]);
    expect(hits[0]!.roomTitle).toBe(study.title);
    expect(hits[1]!.roomTitle).toBe((await f.fresh.db.user.findUniqueOrThrow({ where: { id: a.userId } })).displayName);
    expect(hits[1]!.snippet).toContain(`the ${word} bug`);
    expect(hits[0]!.author?.id).toBe(b.userId);
    // A two-syllable part of a Korean word.
    expect((await find(a, { q: "자바" })).map((h) => h.seq)).toContain(hits[0]!.seq);
  });

  it("narrows to a person and to a room, pages by cursor, and refuses a room that is not mine with NOT_FOUND", async () => {
    const { a, b, room } = await talkingPairOf(f, chat);
    const word = `lynx${randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 5; i++) await send(i % 2 ? b : a, room.id, `${word} ${i}`);
    expect((await find(a, { q: word, authorId: b.userId })).map((h) => h.snippet)).toEqual([`${word} 3`, `${word} 1`]);
    expect(await find(a, { q: word, roomId: room.id })).toHaveLength(5);
    const first = await chat.search(a, ZChatSearchInput.parse({ q: word, limit: 2 }));
    expect(first.items.map((h) => h.snippet)).toEqual([`${word} 4`, `${word} 3`]);
    const second = await chat.search(a, ZChatSearchInput.parse({ q: word, limit: 2, cursor: first.nextCursor }));
    expect(second.items.map((h) => h.snippet)).toEqual([`${word} 2`, `${word} 1`]);
    const third = await chat.search(a, ZChatSearchInput.parse({ q: word, limit: 2, cursor: second.nextCursor }));
    expect(third).toEqual({ items: [expect.objectContaining({ snippet: `${word} 0` })], nextCursor: null });
    const stranger = await f.person();
    expect((await appErrorOf(chat.search(stranger, ZChatSearchInput.parse({ q: word, roomId: room.id })))).code).toBe(
      "NOT_FOUND",
    );
    expect(await find(stranger, { q: word })).toEqual([]);
  });

  it("never returns a room I left, one a block hides, a deleted or hidden message, or a blocked person's words", async () => {
    const [leader, member, other] = [await f.person(), await f.person(), await f.person()];
    const { study, roomId } = await studyWith(leader, member, other);
    const word = `okapi${randomUUID().slice(0, 6)}`;
    await send(leader, roomId, `${word} from the leader`);
    const removed = await send(other, roomId, `${word} deleted later`);
    await chat.delete(other, { roomId, seq: removed.seq });
    const hiddenByModerators = await send(other, roomId, `${word} hidden by moderators`);
    await f.fresh.db.chatMessage.update({
      where: { roomId_seq: { roomId, seq: hiddenByModerators.seq } },
      data: { hiddenAt: new Date() },
    });
    await send(other, roomId, `${word} from someone the member blocks`);
    expect(await find(member, { q: word })).toHaveLength(2);
    await f.social.block(member, other.userId);
    expect((await find(member, { q: word })).map((h) => h.snippet)).toEqual([`${word} from the leader`]);
    await studies.leave(member, { id: study.id });
    expect(await find(member, { q: word })).toEqual([]);

    // A one-to-one room behind a block, either way, and one I left (hidden) with nothing newer.
    const pair = await talkingPairOf(f, chat);
    await send(pair.a, pair.room.id, `${word} between two`);
    expect(await find(pair.b, { q: word })).toHaveLength(1);
    await f.social.block(pair.a, pair.b.userId);
    expect(await find(pair.b, { q: word })).toEqual([]);
    await f.social.unblock(pair.a, pair.b.userId);
    await chat.hide(pair.b, { roomId: pair.room.id });
    expect(await find(pair.b, { q: word })).toEqual([]);
    await send(pair.a, pair.room.id, "back again");
    expect(await find(pair.b, { q: word })).toHaveLength(1);
  });

  it("treats LIKE's own characters literally and refuses an empty or too long term", async () => {
    const { a, room } = await talkingPairOf(f, chat);
    await send(a, room.id, "100% sure_thing");
    await send(a, room.id, "100 percent surething");
    expect((await find(a, { q: "100%" })).map((h) => h.snippet)).toEqual(["100% sure_thing"]);
    expect((await find(a, { q: "e_t" })).map((h) => h.snippet)).toEqual(["100% sure_thing"]);
    expect(ZChatSearchInput.safeParse({ q: "   " }).success).toBe(false);
    expect(ZChatSearchInput.safeParse({ q: "x".repeat(101) }).success).toBe(false);
    expect(ZChatSearchInput.safeParse({ q: "x", limit: 51 }).success).toBe(false);
  });

  it("reads the page around a message, then older and newer pages from it, to the present", async () => {
    const { a, room } = await talkingPairOf(f, chat);
    for (let i = 1; i <= 30; i++) await send(a, room.id, `message ${i}`);
    const page = (input: object) => chat.history(a, ZChatHistoryInput.parse({ roomId: room.id, ...input }));
    const around = await page({ around: 12, limit: 10 });
    expect(around.items.map((m) => m.seq)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect([around.hasMore, around.hasNewer]).toEqual([true, true]);
    const newer = await page({ cursor: 16, direction: "backward", limit: 10 });
    expect(newer.items.map((m) => m.seq)).toEqual([17, 18, 19, 20, 21, 22, 23, 24, 25, 26]);
    expect(newer.hasNewer).toBe(true);
    const last = await page({ cursor: 26, direction: "backward", limit: 10 });
    expect(last.items.map((m) => m.seq)).toEqual([27, 28, 29, 30]);
    expect(last.hasNewer).toBe(false);
    const older = await page({ cursor: 7, limit: 10 });
    expect(older.items.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([older.hasMore, older.hasNewer]).toEqual([false, true]);
    // At the edges: the first message, and the newest (nothing newer).
    expect((await page({ around: 1, limit: 4 })).items.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    const atEnd = await page({ around: 30, limit: 4 });
    expect(atEnd.items.map((m) => m.seq)).toEqual([27, 28, 29, 30]);
    expect([atEnd.hasMore, atEnd.hasNewer]).toEqual([true, false]);
    // The newest page, as before.
    const newest = await page({ limit: 4 });
    expect([newest.items.map((m) => m.seq), newest.hasNewer]).toEqual([[27, 28, 29, 30], false]);
  });
});
