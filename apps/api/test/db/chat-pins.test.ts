import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { CHAT_PINS_MAX, ZCreateStudyInput, type TViewer } from "@orgo/api-contract";
import { createStudyService } from "../../src/domains/studies/study.service.js";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";
import { chatServiceOf, talkingPairOf } from "../helpers/chat-service.js";

/** Pins: any member pins; who may unpin depends on the room; idempotent, capped, listed newest first. */
describe("chat pins", () => {
  const f = communityFixture();
  let chat: ReturnType<typeof chatServiceOf>;
  let studies: ReturnType<typeof createStudyService>;
  const send = (viewer: TViewer, roomId: number, body: string) =>
    chat.send(viewer, { roomId, clientId: randomUUID(), body, imageIds: [], fileIds: [] });
  const codeOf = async (promise: Promise<unknown>) => (await appErrorOf(promise)).code;

  beforeAll(() => {
    chat = chatServiceOf(f);
    studies = createStudyService(f.deps);
  });

  /** A study with its leader and two members who joined, and its room. */
  async function studyRoom() {
    const leader = await f.person();
    const [x, y] = [await f.person(), await f.person()];
    const study = await studies.create(
      leader,
      ZCreateStudyInput.parse({
        title: "Pinned study",
        description: "with a room",
        startsOn: "2099-01-01",
        endsOn: "2099-02-01",
        online: true,
        capacity: 5,
      }),
    );
    await studies.join(x, { id: study.id });
    await studies.join(y, { id: study.id });
    const room = (await chat.inbox(leader)).rooms.find((r) => r.study?.id === study.id)!;
    return { leader, x, y, roomId: room.id };
  }

  it("lets any study member pin, the pinner or the leader unpin, and refuses anyone else with FORBIDDEN", async () => {
    const { leader, x, y, roomId } = await studyRoom();
    const first = await send(x, roomId, "Meeting notes: https://example.com/notes");
    const second = await send(y, roomId, "Next session: Saturday 10:00");
    expect((await chat.pin(x, { roomId, seq: first.seq }, true)).pinned).toBe(true);
    await chat.pin(y, { roomId, seq: second.seq }, true);
    const listed = await chat.pins(leader, { roomId });
    expect(listed.map((p) => [p.message.seq, p.pinnedBy?.id])).toEqual([
      [second.seq, y.userId],
      [first.seq, x.userId],
    ]);
    expect(await codeOf(chat.pin(y, { roomId, seq: first.seq }, false))).toBe("FORBIDDEN");
    expect((await chat.pin(x, { roomId, seq: first.seq }, false)).pinned).toBe(false);
    expect((await chat.pin(leader, { roomId, seq: second.seq }, false)).pinned).toBe(false);
    expect(await chat.pins(x, { roomId })).toEqual([]);
  });

  it("lets either person of a one-to-one room unpin; pins twice once; a deleted message's pin goes with it", async () => {
    const { a, b, room } = await talkingPairOf(f, chat);
    const message = await send(a, room.id, "the address");
    const ref = { roomId: room.id, seq: message.seq };
    const twice = await Promise.all([chat.pin(a, ref, true), chat.pin(a, ref, true)]);
    expect(twice.map((m) => m.pinned)).toEqual([true, true]);
    expect(await f.fresh.db.chatPin.count({ where: { roomId: room.id } })).toBe(1);
    expect((await chat.pin(b, ref, false)).pinned).toBe(false);
    expect((await chat.pin(b, ref, false)).pinned).toBe(false);
    await chat.pin(b, ref, true);
    await chat.delete(a, ref);
    expect(await chat.pins(b, { roomId: room.id })).toEqual([]);
    expect(await codeOf(chat.pin(b, ref, true))).toBe("NOT_FOUND");
  });

  it(`keeps ${CHAT_PINS_MAX} pins in a room and refuses one more with CONFLICT; strangers get NOT_FOUND`, async () => {
    const { a, b, room } = await talkingPairOf(f, chat);
    const sent = [];
    for (let i = 0; i <= CHAT_PINS_MAX; i++) sent.push(await send(a, room.id, `note ${i}`));
    for (const message of sent.slice(0, CHAT_PINS_MAX)) await chat.pin(b, { roomId: room.id, seq: message.seq }, true);
    expect(await codeOf(chat.pin(b, { roomId: room.id, seq: sent[CHAT_PINS_MAX]!.seq }, true))).toBe("CONFLICT");
    expect(await chat.pins(a, { roomId: room.id })).toHaveLength(CHAT_PINS_MAX);
    const stranger = await f.person();
    expect(await codeOf(chat.pins(stranger, { roomId: room.id }))).toBe("NOT_FOUND");
    expect(await codeOf(chat.pin(stranger, { roomId: room.id, seq: sent[0]!.seq }, false))).toBe("NOT_FOUND");
  });
});
