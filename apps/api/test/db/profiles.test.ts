import { beforeEach, describe, expect, it } from "vitest";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { IMAGE_MAX_BYTES, presets, processImage } from "../../src/platform/images/image-pipeline.js";
import { recountCounters } from "@orgo/db";
import { appErrorOf, authFixture } from "../helpers/auth-fixture.js";

/** A 300×200 JPEG whose EXIF says "rotate 90°" and that carries a copyright note. */
function sidewaysJpeg() {
  return sharp({ create: { width: 300, height: 200, channels: 3, background: "#e33" } })
    .jpeg()
    .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: "private note" } } })
    .toBuffer();
}

/** A valid little PNG that claims the given size: its few pixel bytes inflate to almost nothing. */
function pngHeader(width: number, height: number): Uint8Array {
  const chunk = (name: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(name), data])));
    return Buffer.concat([head, Buffer.from(name), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(Buffer.alloc(100))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

describe("the image pipeline", () => {
  it("keeps the orientation, drops the metadata and re-encodes as WebP", async () => {
    const input = await sidewaysJpeg();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const out = await processImage(input, presets.postImage);
    expect([out.width, out.height]).toEqual([200, 300]);
    const meta = await sharp(out.bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(Buffer.from(out.bytes).includes("private note")).toBe(false);
  });

  it("crops avatars to a 256 px square", async () => {
    const out = await processImage(await sidewaysJpeg(), presets.avatar);
    expect([out.width, out.height]).toEqual([256, 256]);
  });

  it("judges by the bytes, not by a name or a claimed type", async () => {
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    expect((await appErrorOf(processImage(html, presets.avatar))).message).toMatch(/JPEG, PNG/);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>');
    expect((await appErrorOf(processImage(svg, presets.avatar))).message).toMatch(/JPEG, PNG/);
  });

  it("refuses files that are too large, truncated, or have too many pixels", async () => {
    expect((await appErrorOf(processImage(new Uint8Array(IMAGE_MAX_BYTES + 1), presets.avatar))).message).toMatch(
      /5 MB/,
    );
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect((await appErrorOf(processImage(png.subarray(0, 100), presets.avatar))).message).toMatch(/cannot be read/);
    // A few bytes that announce 10 000 × 5 000 = 50 MP: refused before anything is decoded.
    const bomb = pngHeader(10_000, 5_000);
    expect((await appErrorOf(processImage(bomb, presets.avatar))).message).toMatch(/too many pixels/);
  });
});

describe("profiles", () => {
  const f = authFixture();
  beforeEach(() => f.advance(3600_000));

  it("shows a public profile without the e-mail, with the count of live posts", async () => {
    const { person, viewer } = await f.signedUp();
    await f.fresh.db.post.createMany({
      data: [
        { authorId: viewer.userId, title: "a", body: "a" },
        { authorId: viewer.userId, title: "b", body: "b", deletedAt: new Date() },
      ],
    });
    const seen = await f.users.profile(person.handle, null);
    expect(seen).toMatchObject({ handle: person.handle, postCount: 1, isMe: false });
    expect(JSON.stringify(seen)).not.toContain(person.email);
    expect((await f.users.profile(person.handle, viewer)).isMe).toBe(true);
    expect((await appErrorOf(f.users.profile("nobody_here", null))).code).toBe("NOT_FOUND");
  });

  it("recommends people to follow: active lately first, then most followed; never me, whom I follow, or either side of a block", async () => {
    const me = await f.signedUp();
    const [popular, quiet, dormant, followed, blockedByMe, blockingMe] = await Promise.all(
      Array.from({ length: 6 }, () => f.signedUp()),
    );
    const others = await Promise.all(Array.from({ length: 3 }, () => f.signedUp()));
    const db = f.fresh.db;
    // popular: followed by the three others and silent; quiet: followed by one, and
    // writes; dormant: followed by two, wrote last two months ago.
    await db.follow.createMany({
      data: [
        ...others.map((o) => ({ followerId: o.viewer.userId, followeeId: popular!.viewer.userId })),
        ...others.slice(0, 2).map((o) => ({ followerId: o.viewer.userId, followeeId: dormant!.viewer.userId })),
        { followerId: others[0]!.viewer.userId, followeeId: quiet!.viewer.userId },
        { followerId: me.viewer.userId, followeeId: followed!.viewer.userId },
      ],
    });
    await db.post.create({ data: { authorId: quiet!.viewer.userId, title: "t", body: "b" } });
    const longAgo = new Date(Date.now() - 60 * 24 * 3600_000);
    await db.post.create({ data: { authorId: dormant!.viewer.userId, title: "old", body: "b", createdAt: longAgo } });
    // The follows above were written directly: bring the counters the follow service keeps up to date.
    await recountCounters(db);
    await db.block.createMany({
      data: [
        { blockerId: me.viewer.userId, blockedId: blockedByMe!.viewer.userId },
        { blockerId: blockingMe!.viewer.userId, blockedId: me.viewer.userId },
      ],
    });
    const people = await f.users.recommended(me.viewer);
    const ids = people.map((p) => p.id);
    const ours = [quiet, popular, dormant].map((person) => person!.viewer.userId);
    expect(ids.filter((id) => ours.includes(id))).toEqual(ours);
    expect(people.find((p) => p.id === quiet!.viewer.userId)).toMatchObject({ followerCount: 1, postCount: 1 });
    expect(people.find((p) => p.id === quiet!.viewer.userId)!.activeAt).toBeInstanceOf(Date);
    expect(people.find((p) => p.id === popular!.viewer.userId)).toMatchObject({ followerCount: 3, activeAt: null });
    expect(people.find((p) => p.id === dormant!.viewer.userId)!.activeAt).toEqual(longAgo);
    for (const left of [me, followed, blockedByMe, blockingMe]) expect(ids).not.toContain(left!.viewer.userId);
    expect(people.length).toBeLessThanOrEqual(8);
    expect(JSON.stringify(people)).not.toContain("@");
  });

  it("updates handle, name and bio, refusing a taken handle with a field error", async () => {
    const mine = await f.signedUp();
    const theirs = await f.signedUp();
    const updated = await f.users.updateProfile(mine.viewer, {
      handle: "new_handle",
      displayName: "New Name",
      bio: "Learning Rust.",
    });
    expect(updated).toMatchObject({ handle: "new_handle", displayName: "New Name", bio: "Learning Rust." });
    const taken = await appErrorOf(
      f.users.updateProfile(mine.viewer, { handle: theirs.person.handle, displayName: "x", bio: "" }),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(taken.details?.fieldErrors?.handle).toEqual(["This handle is taken"]);
    expect((await f.auth.me(mine.viewer))!.handle).toBe("new_handle");
  });

  it("replaces the avatar file, and removes it on request", async () => {
    const { viewer } = await f.signedUp();
    const image = await sidewaysJpeg();
    const first = await f.users.setAvatar(viewer, image);
    const second = await f.users.setAvatar(viewer, image);
    expect(first.avatarUrl).toMatch(/^\/uploads\/avatars\/[\w-]+\.webp$/);
    expect(second.avatarUrl).not.toBe(first.avatarUrl);
    const keys = (await f.fresh.db.upload.findMany({ where: { ownerId: viewer.userId } })).map((u) => u.key);
    expect(keys).toEqual([f.storage.keyOf(second.avatarUrl!)]);
    const { existsSync } = await import("node:fs");
    const fileOf = (url: string) => `${f.storage.root}/${f.storage.keyOf(url)}`;
    expect(existsSync(fileOf(first.avatarUrl!))).toBe(false);
    expect(existsSync(fileOf(second.avatarUrl!))).toBe(true);

    const removed = await f.users.removeAvatar(viewer);
    expect(removed.avatarUrl).toBeNull();
    expect(existsSync(fileOf(second.avatarUrl!))).toBe(false);
  });
});
