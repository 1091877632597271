import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TPushPayload, TViewer } from "@orgo/api-contract";
import { createChatService } from "../../src/domains/chat/chat.service.js";
import { createPushService } from "../../src/domains/push/push.service.js";
import { pushNotification } from "../../src/domains/push/notification-push.js";
import { pushRooms } from "../../src/domains/push/room-push.js";
import type { PushDeps } from "../../src/domains/push/push-deps.js";
import { sendUnreadMail } from "../../src/domains/away-mail/unread-mail.js";
import { queueDigests, sendDigest } from "../../src/domains/away-mail/digest.js";
import type { AwayMailDeps } from "../../src/domains/away-mail/away-mail-deps.js";
import { readUnsubscribeLink } from "../../src/domains/away-mail/mail-links.js";
import { createMemoryPresenceStore } from "../../src/platform/presence/presence-store.js";
import { createMemoryRateLimiter } from "../../src/platform/rate-limit/memory-rate-limiter.js";
import { createLogger } from "../../src/platform/logger.js";
import type { MailMessage } from "../../src/platform/mail/mailer.js";
import { createPushSender, generateVapidKeys } from "../../src/platform/push/push-sender.js";
import { communityFixture } from "../helpers/community-fixture.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * What reaches people when OrGo is closed, decided against a real database: which
 * push goes to which device (the jobs it leaves), and the mails, with the clock moved
 * by the deps' `now` (never by sleeping).
 */
describe("push and mail", () => {
  const f = communityFixture();
  let chat: ReturnType<typeof createChatService>;
  let push: ReturnType<typeof createPushService>;
  let pushDeps: PushDeps;
  let mailDeps: AwayMailDeps;
  const presence = createMemoryPresenceStore();
  const sent: MailMessage[] = [];
  let clock = Date.now();

  beforeAll(() => {
    chat = createChatService({
      ...f.deps,
      limiter: createMemoryRateLimiter(),
      sendLimit: { limit: 10_000, windowMs: 10_000 },
    });
    const logger = createLogger("silent");
    pushDeps = {
      db: f.fresh.db,
      sender: createPushSender({
        vapid: { ...generateVapidKeys(), subject: "mailto:ops@orgo.test" },
        allowedHosts: ["push.example.test"],
      }),
      presence,
      logger,
      now: () => new Date(clock),
    };
    push = createPushService(pushDeps);
    mailDeps = {
      db: f.fresh.db,
      mailer: {
        send: (message) => {
          sent.push(message);
          return Promise.resolve();
        },
      },
      presence,
      publicOrigin: () => "https://orgo.test",
      linkSecret: "a-test-secret-that-is-long-enough-000",
      logger,
      now: () => new Date(clock),
    };
  });

  /** A browser's subscription (the keys are only stored here; the process lane decrypts real ones). */
  const subscription = () => ({
    endpoint: `https://push.example.test/send/${randomUUID()}`,
    keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) },
  });
  const device = { userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0", ip: "127.0.0.1" };
  /** A person with a real session row (a device belongs to the session it was turned on in). */
  async function person() {
    const viewer = await f.person();
    const day = 24 * 3600_000;
    await f.fresh.db.session.create({
      data: {
        id: viewer.sessionId,
        secretHash: new Uint8Array(32),
        userId: viewer.userId,
        expiresAt: new Date(Date.now() + day),
        absoluteExpiresAt: new Date(Date.now() + day),
      },
    });
    return viewer;
  }

  /** Two people in a conversation; the second has a push device and a verified address. */
  async function pair() {
    const a = await person();
    const b = await person();
    await f.social.follow(a, b.userId);
    await f.social.follow(b, a.userId);
    await f.fresh.db.user.updateMany({
      where: { id: { in: [a.userId, b.userId] } },
      data: { emailVerifiedAt: new Date() },
    });
    const room = await chat.openDirect(a, { userId: b.userId });
    const bDevice = await push.subscribe(b, subscription(), device);
    await clearJobs();
    return { a, b, room, bDevice };
  }
  const say = (viewer: TViewer, roomId: number, body: string) =>
    chat.send(viewer, { roomId, clientId: randomUUID(), body, imageIds: [], fileIds: [] });

  async function jobs(task: string) {
    return f.fresh.db.$queryRaw<{ key: string | null; payload: Record<string, unknown>; run_at: Date }[]>`
      select j.key, j.payload, j.run_at from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = ${task} order by j.id`;
  }
  async function clearJobs() {
    await f.fresh.db.$executeRaw`delete from graphile_worker._private_jobs`;
  }
  /** The pushes waiting to go out, per device. */
  async function sends() {
    return (await jobs("push:send")).map((job) => ({
      deviceId: job.payload.deviceId as number,
      payload: JSON.parse(job.payload.payload as string) as TPushPayload,
    }));
  }

  it("collapses a burst in a room into one push per device, saying who and how many", async () => {
    const { a, b, room, bDevice } = await pair();
    await say(a, room.id, "are you coming tonight?");
    await say(a, room.id, "we start at 7");
    await say(a, room.id, "bring the slides");
    // Sending adds no job: the sweep finds the room.
    expect(await jobs("push:rooms")).toEqual([]);
    await pushRooms(pushDeps);
    expect(await sends()).toEqual([
      {
        deviceId: bDevice.id,
        payload: {
          title: a.handle.toUpperCase(),
          body: "3 new messages · bring the slides",
          url: `/chat/${room.id}`,
          tag: `orgo-room-${room.id}`,
          // Three messages, and two notifications: a's follow and the conversation a opened.
          badge: 5,
        },
      },
    ]);
    // Considered once: running again pushes nothing new, and the sender never hears of their own.
    await clearJobs();
    await pushRooms(pushDeps);
    expect(await sends()).toEqual([]);
    await say(b, room.id, "on my way");
    await pushRooms(pushDeps);
    expect(await sends()).toEqual([]);
  });

  it("pushes nothing for a muted room, chat alerts off, a pause, a block, or someone looking at OrGo", async () => {
    const cases: [string, (p: Awaited<ReturnType<typeof pair>>) => Promise<unknown>, () => Promise<unknown>][] = [
      ["muted", (p) => chat.mute(p.b, { roomId: p.room.id, muted: true }), () => Promise.resolve()],
      [
        "chat off",
        (p) => f.notifications.setPreference(p.b, { category: "chat", inApp: true, desktop: false }),
        () => Promise.resolve(),
      ],
      ["paused", (p) => f.notifications.pause(p.b, new Date(Date.now() + 3600_000)), () => Promise.resolve()],
    ];
    for (const [name, suppress] of cases) {
      const p = await pair();
      await suppress(p);
      await say(p.a, p.room.id, `hello (${name})`);
      await pushRooms(pushDeps);
      expect(await sends(), name).toEqual([]);
    }
    // Looking: a tab of theirs is shown (on any process: the presence store says so).
    const looking = await pair();
    await presence.touch([looking.b.userId], "visible", 30_000);
    await say(looking.a, looking.room.id, "you see this already");
    await pushRooms(pushDeps);
    expect(await sends()).toEqual([]);
    // A tab that was hidden a moment ago ("online") is not looking: they get the push.
    await presence.touch([looking.b.userId], "online", 30_000);
    await say(looking.a, looking.room.id, "and this one?");
    await pushRooms(pushDeps);
    // It counts everything unread in the room, the message seen while looking included.
    expect((await sends()).map((s) => s.payload.body)).toEqual(["2 new messages · and this one?"]);
    await presence.offline(looking.b.userId);
    // Blocked: a study room's message from someone they blocked is never pushed to them.
    const study = await pair();
    await f.social.block(study.b, study.a.userId);
    await f.fresh.db.$executeRaw`update "ChatMember" set "lastReadSeq" = 0 where "roomId" = ${study.room.id}`;
    await f.fresh.db.$executeRaw`
      insert into "ChatMessage" ("roomId", seq, "changeSeq", "authorId", "clientId", body)
      select ${study.room.id}, "messageSeq" + 1, "changeSeq" + 1, ${study.a.userId}::uuid, gen_random_uuid(), 'from a blocked person'
      from "ChatRoom" where id = ${study.room.id}`;
    await f.fresh.db
      .$executeRaw`update "ChatRoom" set "messageSeq" = "messageSeq" + 1, "changeSeq" = "changeSeq" + 1 where id = ${study.room.id}`;
    await pushRooms(pushDeps);
    expect(await sends()).toEqual([]);
  });

  it("pushes a notification in the person's language, hiding its words when they asked", async () => {
    const a = await person();
    const b = await person();
    const bDevice = await push.subscribe(b, subscription(), device);
    await f.fresh.db.user.update({ where: { id: b.userId }, data: { language: "ko" } });
    await clearJobs();
    await f.social.follow(a, b.userId);
    const [job] = await jobs("push:notification");
    expect(job?.key).toMatch(/^push:notification:\d+$/);
    await pushNotification(pushDeps, job!.payload.notificationId as number);
    expect(await sends()).toEqual([
      {
        deviceId: bDevice.id,
        payload: {
          title: `${a.handle.toUpperCase()}님이 나를 팔로우했어요`,
          body: "",
          url: `/u/${a.handle}`,
          tag: `orgo-notification-${job!.payload.notificationId as number}`,
          badge: 1,
        },
      },
    ]);
    // Nobody with a device: no job at all. Read meanwhile, or words hidden: as asked.
    await clearJobs();
    const c = await person();
    await f.social.follow(c, a.userId);
    expect(await jobs("push:notification")).toEqual([]);
    await f.fresh.db.user.update({ where: { id: b.userId }, data: { pushHidesContent: true } });
    await f.social.follow(c, b.userId);
    const [second] = await jobs("push:notification");
    await pushNotification(pushDeps, second!.payload.notificationId as number);
    expect((await sends()).map((s) => [s.payload.title, s.payload.body])).toEqual([["오르고", "새 알림"]]);
    await clearJobs();
    await f.notifications.markAllRead(b);
    await pushNotification(pushDeps, second!.payload.notificationId as number);
    expect(await sends()).toEqual([]);
    // A comment's push says what was said, as plain text, rather than the post's title.
    await f.fresh.db.user.update({ where: { id: b.userId }, data: { pushHidesContent: false } });
    const post = await f.posts.create(b, { title: "Lifetimes", body: "Finally.", imageIds: [] });
    await clearJobs();
    await f.comments.create(a, { postId: post.id, body: "**Nice** work" });
    const [commented] = await jobs("push:notification");
    await pushNotification(pushDeps, commented!.payload.notificationId as number);
    expect((await sends()).map((s) => s.payload.body)).toEqual(["Nice work"]);
  });

  it("keeps devices per person: a browser moves to whoever signs in on it, only the owner removes one", async () => {
    const a = await person();
    const b = await person();
    const shared = subscription();
    const first = await push.subscribe(a, shared, device);
    const moved = await push.subscribe(b, { ...shared, keys: { ...shared.keys, auth: "C".repeat(22) } }, device);
    expect(moved.id).toBe(first.id);
    expect(await push.devices(a)).toEqual([]);
    expect((await push.devices(b, shared.endpoint)).map((d) => [d.id, d.current])).toEqual([[first.id, true]]);
    await expect(push.remove(a, first.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      push.subscribe(a, { ...subscription(), endpoint: "https://evil.example/x" }, device),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await push.remove(b, first.id);
    expect(await push.devices(b)).toEqual([]);
    // Signing out where push was turned on stops it: a shared computer never shows the last person's messages.
    await push.subscribe(b, shared, device);
    expect(await push.devices(b)).toHaveLength(1);
    await f.fresh.db.session.delete({ where: { id: b.sessionId } });
    expect(await push.devices(b)).toEqual([]);
  });

  it("mails unread messages once, after the person's delay away, never while a tab is open", async () => {
    const { a, b, room } = await pair();
    sent.length = 0;
    await say(a, room.id, "did you push the fix?");
    await say(a, room.id, "the build is red");
    await pushRooms(pushDeps);
    // The sweep scheduled b's unread mail for 15 minutes after the first message.
    const [scheduled] = await jobs("mail:unread");
    expect(scheduled?.key).toBe(`mail:unread:${b.userId}`);
    expect(scheduled!.run_at.getTime() - Date.now()).toBeGreaterThan(14 * MINUTE);

    await sendUnreadMail(mailDeps, b.userId);
    expect(sent, "not yet: 15 minutes have not passed").toEqual([]);
    clock = Date.now() + 16 * MINUTE;
    await presence.touch([b.userId], "away", 30_000);
    await sendUnreadMail(mailDeps, b.userId);
    expect(sent, "a tab is open (even hidden)").toEqual([]);
    await presence.offline(b.userId);
    await sendUnreadMail(mailDeps, b.userId);
    expect(sent).toHaveLength(1);
    const mail = sent[0]!;
    expect(mail.to).toBe(`${b.handle}@people.test`);
    expect(mail.subject).toBe("2 unread messages on OrGo");
    expect(mail.text).toContain("did you push the fix?");
    expect(mail.text).toContain("the build is red");
    expect(mail.html).toContain(`https://orgo.test/chat/${room.id}`);
    const stop = /<(https:\/\/orgo\.test\/mail\/unsubscribe\?[^>]+)>/.exec(mail.headers!["List-Unsubscribe"]!)![1]!;
    expect(mail.headers!["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(readUnsubscribeLink(mailDeps.linkSecret, new URL(stop).searchParams)).toEqual({
      userId: b.userId,
      setting: "unreadMail",
    });

    // Never twice for the same messages; a new one is mailed on its own, after its own delay.
    await sendUnreadMail(mailDeps, b.userId);
    expect(sent).toHaveLength(1);
    await f.fresh.db.$executeRaw`update "ChatMessage" set "createdAt" = ${new Date(clock)} where "roomId" = ${room.id}`;
    await say(a, room.id, "never mind, fixed");
    await f.fresh.db
      .$executeRaw`update "ChatMessage" set "createdAt" = ${new Date(clock)} where "roomId" = ${room.id} and body = 'never mind, fixed'`;
    await sendUnreadMail(mailDeps, b.userId);
    expect(sent).toHaveLength(1);
    clock += 16 * MINUTE;
    await sendUnreadMail(mailDeps, b.userId);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.subject).toBe("1 unread message on OrGo");
    expect(sent[1]!.text).toContain("never mind, fixed");
    expect(sent[1]!.text).not.toContain("the build is red");

    // Off, or read: nothing.
    await say(a, room.id, "one more");
    clock += 16 * MINUTE;
    await f.fresh.db.user.update({ where: { id: b.userId }, data: { unreadMail: "off" } });
    await sendUnreadMail(mailDeps, b.userId);
    expect(sent).toHaveLength(2);
    clock = Date.now();
  });

  it("sends a digest of what was missed to someone away for its period, once, and nothing to someone active", async () => {
    const { a, b } = await pair();
    sent.length = 0;
    const post = await f.posts.create(b, { title: "Borrow checker, finally", body: "It clicked.", imageIds: [] });
    await f.comments.create(a, { postId: post.id, body: "Congrats!" });
    const popular = await f.posts.create(a, { title: "My first Rust CLI", body: "Notes.", imageIds: [] });
    await f.posts.like(b, popular.id);
    // b has been away for more than a week (their sessions say when they were last seen).
    await f.fresh.db.user.update({ where: { id: b.userId }, data: { createdAt: new Date(Date.now() - 30 * DAY) } });
    await f.fresh.db.session.create({
      data: {
        id: randomUUID(),
        secretHash: new Uint8Array(32),
        userId: b.userId,
        lastSeenAt: new Date(Date.now() - 60 * 1000),
        expiresAt: new Date(Date.now() + DAY),
        absoluteExpiresAt: new Date(Date.now() + DAY),
      },
    });
    await clearJobs();
    await queueDigests(mailDeps);
    expect((await jobs("mail:digest")).map((job) => job.key)).not.toContain(`mail:digest:${b.userId}`);
    await sendDigest(mailDeps, b.userId);
    expect(sent, "active a minute ago").toEqual([]);

    clock = Date.now() + 8 * DAY;
    await queueDigests(mailDeps);
    expect((await jobs("mail:digest")).map((job) => job.key)).toContain(`mail:digest:${b.userId}`);
    await Promise.all([sendDigest(mailDeps, b.userId), sendDigest(mailDeps, b.userId)]);
    expect(sent).toHaveLength(1);
    const digest = sent[0]!;
    expect(digest.subject).toBe("What you missed on OrGo");
    expect(digest.text).toContain(`${a.handle.toUpperCase()} commented on your post`);
    expect(digest.text).toContain("“Congrats!” — Borrow checker, finally");
    expect(digest.text).toContain("Popular among people you follow");
    expect(digest.text).toContain("My first Rust CLI");
    expect(digest.headers!["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    await sendDigest(mailDeps, b.userId);
    expect(sent, "not again within the week").toHaveLength(1);
    clock = Date.now();
  });
});
