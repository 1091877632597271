import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { CHAT_FILES_MAX, ZSendMessageInput, type TViewer } from "@orgo/api-contract";
import { createSharedFileReceiver } from "../../src/domains/posts/shared-file-upload.js";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";
import { chatServiceOf, talkingPairOf } from "../helpers/chat-service.js";
import { htmlClaimingPdf, pdfBytes, zipBytes } from "../helpers/shared-files.js";

/** Files in messages: what they are comes from their bytes; they go with the message. */
describe("chat files", () => {
  const f = communityFixture();
  let chat: ReturnType<typeof chatServiceOf>;
  let receive: ReturnType<typeof createSharedFileReceiver>;
  const text = (s: string) => new TextEncoder().encode(s);
  const codeOf = async (promise: Promise<unknown>) => (await appErrorOf(promise)).code;

  beforeAll(() => {
    chat = chatServiceOf(f);
    receive = createSharedFileReceiver({ db: f.fresh.db, storage: f.storage });
  });

  const send = (viewer: TViewer, roomId: number, fileIds: string[], body = "") =>
    chat.send(viewer, ZSendMessageInput.parse({ roomId, clientId: randomUUID(), body, fileIds }));

  it("tells PDFs, ZIP archives and text or code apart by their bytes, whatever their names say", async () => {
    const a = await f.person();
    expect(await receive(a, pdfBytes(), "notes.pdf")).toMatchObject({ kind: "pdf", name: "notes.pdf", language: null });
    expect(await receive(a, zipBytes(), "project.zip")).toMatchObject({ kind: "zip", language: null });
    const code = await receive(a, text("export const answer: number = 42;\n"), "answer.ts");
    expect(code).toMatchObject({ kind: "text", language: "typescript", size: 34 });
    expect(code.url).toMatch(/^\/uploads\/files\/[\w-]+\.txt\?name=answer\.ts$/);
    // A page named like a PDF is text (stored and served as text/plain, downloaded).
    const claimed = await receive(a, htmlClaimingPdf(), "report.pdf");
    expect(claimed).toMatchObject({ kind: "text", name: "report.pdf", language: null });
    expect(claimed.url).toMatch(/\.txt\?name=report\.pdf$/);
    // A folder in the name goes; control characters go; a name is required.
    expect((await receive(a, text("x"), "../../etc/pass\u0000wd.txt")).name).toBe("passwd.txt");
    expect(await codeOf(receive(a, text("x"), "  "))).toBe("VALIDATION");
  });

  it("refuses pictures, programs and binary files that are not PDF or ZIP", async () => {
    const a = await f.person();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123" } })
      .png()
      .toBuffer();
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);
    for (const [bytes, name] of [
      [new Uint8Array(png), "diagram.png"],
      [elf, "tool.txt"],
      [new Uint8Array([0x61, 0x00, 0x62, 0xff, 0xfe]), "data.txt"],
    ] as const) {
      const error = await appErrorOf(receive(a, bytes, name));
      expect([error.code, error.message], name).toEqual(["VALIDATION", expect.stringContaining("PDF")]);
    }
    expect(await f.fresh.db.upload.count({ where: { ownerId: a.userId } })).toBe(0);
  });

  it("sends files with a message, in order, to members only; someone else's or a used file is refused; deleting frees them", async () => {
    const { a, b, room } = await talkingPairOf(f, chat);
    const pdf = await receive(a, pdfBytes(), "slides.pdf");
    const code = await receive(a, text("print('hi')\n"), "hi.py");
    const sent = await send(a, room.id, [code.id, pdf.id]);
    expect(sent.files.map((file) => [file.name, file.kind, file.language])).toEqual([
      ["hi.py", "text", "python"],
      ["slides.pdf", "pdf", null],
    ]);
    expect((await chat.history(b, { roomId: room.id, limit: 1 })).items[0]!.files).toEqual(sent.files);
    // Used already; someone else's: refused, nothing stored.
    expect(await codeOf(send(a, room.id, [pdf.id]))).toBe("VALIDATION");
    const theirs = await receive(b, pdfBytes(), "mine.pdf");
    expect(await codeOf(send(a, room.id, [theirs.id]))).toBe("VALIDATION");
    // Deleting the message takes its files (rows and bytes).
    await chat.delete(a, { roomId: room.id, seq: sent.seq });
    expect(await f.fresh.db.upload.count({ where: { id: { in: [pdf.id, code.id] } } })).toBe(0);
    expect(await f.storage.read(f.storage.keyOf(pdf.url.split("?")[0]!)!)).toBeNull();
  });

  it("takes up to 4 files on a message: 4 is sent, 5 is a field error", async () => {
    const { a, room } = await talkingPairOf(f, chat);
    const ids = [];
    for (let i = 0; i <= CHAT_FILES_MAX; i++) ids.push((await receive(a, text(`file ${i}`), `f${i}.txt`)).id);
    const parsed = ZSendMessageInput.safeParse({ roomId: room.id, clientId: randomUUID(), fileIds: ids });
    expect(parsed.success).toBe(false);
    expect((await send(a, room.id, ids.slice(0, CHAT_FILES_MAX))).files).toHaveLength(CHAT_FILES_MAX);
  });
});
