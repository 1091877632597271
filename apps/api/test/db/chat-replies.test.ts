import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TViewer } from "@orgo/api-contract";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";
import { chatServiceOf, talkingPairOf } from "../helpers/chat-service.js";

/** Replies: a quote of a message of the same room, its author told like a mention. */
describe("chat replies", () => {
  const f = communityFixture();
  let chat: ReturnType<typeof chatServiceOf>;
  const send = (viewer: TViewer, roomId: number, body: string, replyToSeq?: number, clientId = randomUUID()) =>
    chat.send(viewer, { roomId, clientId, body, imageIds: [], fileIds: [], replyToSeq });
  /** What a person was told about this room's messages (the room's opening left out). */
  const toldOf = (recipient: TViewer, roomId: number) =>
    f.fresh.db.notification.findMany({
      where: { recipientId: recipient.userId, roomId, type: { not: "chat_opened" } },
      select: { type: true },
    });

  beforeAll(() => {
    chat = chatServiceOf(f);
  });

  const talkingPair = () => talkingPairOf(f, chat);

  it("quotes the answered message, in the answer, the stream's history and after a retry, and tells its author once", async () => {
    const { a, b, room } = await talkingPair();
    const question = await send(a, room.id, "Is **EXPLAIN ANALYZE** safe on prod?");
    const clientId = randomUUID();
    const answer = await send(b, room.id, "Only on a replica", question.seq, clientId);
    const retried = await send(b, room.id, "Only on a replica", question.seq, clientId);
    expect(retried.seq).toBe(answer.seq);
    const quote = { seq: question.seq, excerpt: "Is EXPLAIN ANALYZE safe on prod?", gone: false };
    expect(answer.replyTo).toMatchObject({ ...quote, author: { id: a.userId } });
    const page = await chat.history(a, { roomId: room.id, limit: 10 });
    expect(page.items.map((m) => m.replyTo && m.replyTo.seq)).toEqual([null, question.seq]);
    expect((await toldOf(a, room.id)).map((n) => n.type)).toEqual(["message_reply"]);
    // "My last mention" goes to it; B, never mentioned, has none.
    expect((await chat.room(a, { roomId: room.id })).lastMentionSeq).toBe(answer.seq);
    expect((await chat.room(b, { roomId: room.id })).lastMentionSeq).toBeNull();
    // Answering myself tells nobody; neither does an answer that mentions me (the mention does).
    await send(a, room.id, "Following up", question.seq);
    const handle = (await f.fresh.db.user.findUniqueOrThrow({ where: { id: a.userId } })).handle;
    await send(b, room.id, `@${handle} see above`, question.seq);
    const mentioning = await send(b, room.id, `@${handle} and once more`);
    expect((await toldOf(a, room.id)).map((n) => n.type).sort()).toEqual(["mention", "mention", "message_reply"]);
    expect((await chat.inbox(a)).rooms.find((r) => r.id === room.id)?.lastMentionSeq).toBe(mentioning.seq);
    expect(await toldOf(b, room.id)).toEqual([]);
  });

  it("says the original is gone once deleted, without its words", async () => {
    const { a, b, room } = await talkingPair();
    const original = await send(a, room.id, "a secret I regret");
    await send(b, room.id, "what?", original.seq);
    await chat.delete(a, { roomId: room.id, seq: original.seq });
    const page = await chat.history(b, { roomId: room.id, limit: 10 });
    expect(page.items[1]!.replyTo).toMatchObject({ seq: original.seq, excerpt: "", gone: true });
  });

  it("refuses an answer to a message of no room of mine as a field error, and stores nothing", async () => {
    const { a, b, room } = await talkingPair();
    const other = await talkingPair();
    const elsewhere = await send(other.a, other.room.id, "another room");
    const error = await appErrorOf(send(b, room.id, "answering nothing", elsewhere.seq + 100));
    expect(error.code).toBe("VALIDATION");
    expect(error.details?.fieldErrors).toHaveProperty("replyToSeq");
    expect(await f.fresh.db.chatMessage.count({ where: { roomId: room.id } })).toBe(0);
    expect(await toldOf(a, room.id)).toEqual([]);
    // A stranger answering into the room learns nothing more than that it is not theirs.
    expect((await appErrorOf(send(other.a, room.id, "let me in", 1))).code).toBe("NOT_FOUND");
  });
});
