import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ZCreatePostInput, ZSendMessageInput, ZUpdatePostInput } from "@orgo/api-contract";
import { createSharedFileReceiver } from "../../src/domains/posts/shared-file-upload.js";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";
import { chatServiceOf, talkingPairOf } from "../helpers/chat-service.js";
import { pdfBytes } from "../helpers/shared-files.js";

/** Files in posts: the same uploads as chat's, attached to one post or one message, never both. */
describe("post files", () => {
  const f = communityFixture();
  let receive: ReturnType<typeof createSharedFileReceiver>;
  const text = (s: string) => new TextEncoder().encode(s);

  beforeAll(() => {
    receive = createSharedFileReceiver({ db: f.fresh.db, storage: f.storage });
  });

  it("shows a post's files in order on the post, keeps them through an edit that leaves them out, and drops the ones an edit removes", async () => {
    const author = await f.person();
    const reader = await f.person();
    const pdf = await receive(author, pdfBytes(), "slides.pdf");
    const code = await receive(author, text("SELECT 1;\n"), "query.sql");
    const post = await f.posts.create(
      author,
      ZCreatePostInput.parse({ title: "Files", body: "See the slides", fileIds: [pdf.id, code.id] }),
    );
    expect(post.files.map((file) => [file.name, file.kind, file.language])).toEqual([
      ["slides.pdf", "pdf", null],
      ["query.sql", "text", "sql"],
    ]);
    expect((await f.posts.byId(post.id, reader)).files).toEqual(post.files);
    // Lists carry no files (excerpts only).
    expect("files" in (await f.posts.feed({ kind: "latest", limit: 5 }, null)).items[0]!).toBe(false);
    // An edit without fileIds keeps them; one with fewer drops the rest (row and bytes).
    const kept = await f.posts.update(author, ZUpdatePostInput.parse({ id: post.id, title: "Files", body: "Still" }));
    expect(kept.files).toHaveLength(2);
    const edited = await f.posts.update(
      author,
      ZUpdatePostInput.parse({ id: post.id, title: "Files", body: "Only code", fileIds: [code.id] }),
    );
    expect(edited.files.map((file) => file.name)).toEqual(["query.sql"]);
    expect(await f.fresh.db.upload.count({ where: { id: pdf.id } })).toBe(0);
    // Deleting the post takes the rest.
    await f.posts.delete(author, post.id);
    expect(await f.fresh.db.upload.count({ where: { id: code.id } })).toBe(0);
  });

  it("refuses someone else's file, and a file a message or another post uses", async () => {
    const chat = chatServiceOf(f);
    const { a, b, room } = await talkingPairOf(f, chat);
    const theirs = await receive(b, pdfBytes(), "theirs.pdf");
    // Each post says something new (the same text twice is refused as a repeat).
    const input = (fileIds: string[]) => ZCreatePostInput.parse({ title: "T", body: randomUUID(), fileIds });
    const codeOf = async (promise: Promise<unknown>) => (await appErrorOf(promise)).code;
    expect(await codeOf(f.posts.create(a, input([theirs.id])))).toBe("VALIDATION");
    const sent = await receive(a, pdfBytes(), "sent.pdf");
    await chat.send(a, ZSendMessageInput.parse({ roomId: room.id, clientId: randomUUID(), fileIds: [sent.id] }));
    expect(await codeOf(f.posts.create(a, input([sent.id])))).toBe("VALIDATION");
    const onPost = await receive(a, pdfBytes(), "post.pdf");
    await f.posts.create(a, input([onPost.id]));
    expect(await codeOf(f.posts.create(a, input([onPost.id])))).toBe("VALIDATION");
    expect(
      await codeOf(
        chat.send(a, ZSendMessageInput.parse({ roomId: room.id, clientId: randomUUID(), fileIds: [onPost.id] })),
      ),
    ).toBe("VALIDATION");
  });
});
