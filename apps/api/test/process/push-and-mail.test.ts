import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { addJob } from "../../src/platform/jobs/job-queue.js";
import { startFakeSmtp } from "../helpers/fake-smtp.js";
import { browserSubscription, startTestPushService } from "../helpers/push-service.js";
import { appCodeOf, fieldErrorsOf, rawTrpc } from "../helpers/raw-trpc.js";
import { redisUrlForTests } from "../helpers/redis.js";
import { twoSeededProcesses } from "../helpers/two-processes.js";
import { waitFor } from "../helpers/wait.js";

const redisUrl = await redisUrlForTests();
// Outside this machine in real life, so stood in for on loopback: the browsers' push
// service (its host allowed by PUSH_ALLOWED_HOSTS) and the mail server.
const pushService = await startTestPushService();
const smtp = await startFakeSmtp();

/**
 * Web Push and mail from two real API processes sharing one database and Redis: each
 * push is sent once, encrypted for its browser, only to allowed hosts; a gone device is
 * removed; an unread-messages mail goes once; the unsubscribe link needs no sign-in.
 */
describe.skipIf(!redisUrl)("web push and mail across two API processes", () => {
  const t = twoSeededProcesses(redisUrl!, ["jiwoo", "leo_builds", "sara_k"], {
    PUSH_ALLOWED_HOSTS: "127.0.0.1",
    SMTP_URL: smtp.url,
    MAIL_FROM: "OrGo <no-reply@orgo.test>",
    PUBLIC_ORIGIN: "https://orgo.test",
  });
  const { ids, api, ok } = t;
  afterAll(async () => {
    await pushService.close();
    await smtp.close();
  });

  /** What the push service got for an endpoint path, once it has. */
  const pushesTo = (path: string) => pushService.received.filter((push) => push.path === path);

  it("pushes a message once, from either process, encrypted for the browser (RFC 8291) and signed (VAPID)", async () => {
    const browser = browserSubscription(`${pushService.origin}/push/jiwoo-laptop`);
    const device = await ok<{ id: number; current: boolean }>(
      api(t.p2, "jiwoo").mutate("push.subscribe", browser.json, {
        "user-agent": "Mozilla/5.0 (X11; Linux) Chrome/131.0",
      }),
    );
    expect(device.current).toBe(true);
    const room = await ok<{ id: number }>(api(t.p1, "leo_builds").mutate("chat.openDirect", { userId: ids.jiwoo }));
    await ok(
      api(t.p1, "leo_builds").mutate("chat.send", {
        roomId: room.id,
        clientId: randomUUID(),
        body: "Pairing on the parser at 8?",
        imageIds: [],
      }),
    );
    const roomPushes = () =>
      pushesTo("/push/jiwoo-laptop").filter((push) => browser.read(push).tag === `orgo-room-${room.id}`);
    await waitFor(() => roomPushes().length > 0, "the room's push", 20_000);
    // Both processes work the queue; a second send would have come by now (jobs start within milliseconds).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(roomPushes()).toHaveLength(1);
    const [push] = roomPushes();
    expect(push!.headers["content-encoding"]).toBe("aes128gcm");
    expect(push!.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(push!.headers.ttl).toBe("86400");
    expect(push!.headers.urgency).toBe("high");
    expect(browser.read(push!)).toEqual({
      title: "Leo Park",
      body: "Pairing on the parser at 8?",
      url: `/chat/${room.id}`,
      tag: `orgo-room-${room.id}`,
      badge: expect.any(Number) as number,
    });
    const devices = await ok<{ id: number; lastPushAt: string | null }[]>(api(t.p1, "jiwoo").query("push.devices"));
    expect(devices.map((d) => d.id)).toEqual([device.id]);
  });

  it("removes a device its push service says is gone (410)", async () => {
    const browser = browserSubscription(`${pushService.origin}/gone/sara-phone`);
    await ok(api(t.p1, "sara_k").mutate("push.subscribe", browser.json));
    const post = await ok<{ id: number }>(
      api(t.p1, "sara_k").mutate("post.create", { title: "Gone device", body: "Like me", imageIds: [] }),
    );
    await ok(api(t.p2, "leo_builds").mutate("post.like", { id: post.id }));
    await waitFor(() => pushesTo("/gone/sara-phone").length > 0, "the push to the gone device", 20_000);
    await vi.waitFor(async () => expect(await ok<unknown[]>(api(t.p2, "sara_k").query("push.devices"))).toEqual([]), {
      timeout: 10_000,
      interval: 100,
    });
  });

  it("refuses at subscribe time a push service the server does not send to", async () => {
    for (const endpoint of [
      "https://evil.example/push/1",
      "http://10.0.0.1/push/1",
      "http://127.0.0.1.evil.example/p",
    ]) {
      const answer = await api(t.p1, "jiwoo").mutate("push.subscribe", browserSubscription(endpoint).json);
      expect(answer.status, endpoint).toBe(400);
      expect(appCodeOf(answer.body)).toBe("VALIDATION");
      expect(fieldErrorsOf(answer.body)).toMatchObject({ endpoint: [expect.stringContaining("push service")] });
    }
    // Not signed in: 401, nothing stored.
    const anonymous = await rawTrpc(t.p1.url).mutate(
      "push.subscribe",
      browserSubscription(`${pushService.origin}/push/x`).json,
    );
    expect(anonymous.status).toBe(401);
  });

  it("mails unread messages once though both processes run the queue, and unsubscribes by its link without sign-in", async () => {
    const db = t.fresh.db;
    await db.user.update({ where: { id: ids.jiwoo }, data: { emailVerifiedAt: new Date(), unreadMail: "15m" } });
    const room = await ok<{ id: number }>(api(t.p1, "sara_k").mutate("chat.openDirect", { userId: ids.jiwoo }));
    await ok(
      api(t.p2, "sara_k").mutate("chat.send", {
        roomId: room.id,
        clientId: randomUUID(),
        body: "Slides are up",
        imageIds: [],
      }),
    );
    // The clock moved: the message has waited 20 minutes, and the mail job is due now.
    await db.$executeRaw`update "ChatMessage" set "createdAt" = now() - interval '20 minutes' where "roomId" = ${room.id}`;
    await db.$transaction((tx) =>
      addJob(tx, "mail:unread", { userId: ids.jiwoo! }, { jobKey: `mail:unread:${ids.jiwoo}` }),
    );
    const toJiwoo = () => smtp.received.filter((mail) => mail.to.some((to) => to.includes("jiwoo@orgo.dev")));
    await waitFor(() => toJiwoo().length > 0, "the unread mail", 20_000);
    await db.$transaction((tx) => addJob(tx, "mail:unread", { userId: ids.jiwoo! }));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(toJiwoo()).toHaveLength(1);
    // Headers unfolded, quoted-printable soft breaks joined.
    const raw = toJiwoo()[0]!
      .data.replace(/\r?\n[ \t]+/g, " ")
      .replace(/=\r?\n/g, "");
    expect(raw).toMatch(/^Subject: 1 unread message on OrGo$/m);
    expect(raw).toContain("Sara Kim: Slides are up");
    expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(raw).toContain("Content-Type: text/html");
    const link = /List-Unsubscribe: <(https:\/\/orgo\.test\/mail\/unsubscribe\?[^>]+)>/.exec(raw)![1]!;
    const path = new URL(link).pathname + new URL(link).search;

    // GET shows a button and changes nothing (mail scanners open links).
    const page = await fetch(`${t.p1.url}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    expect((await db.user.findUniqueOrThrow({ where: { id: ids.jiwoo } })).unreadMail).toBe("15m");
    // A tampered link, or one of the digest for the same person, changes nothing.
    const forged = new URL(link);
    forged.searchParams.set("s", "digest");
    expect((await fetch(`${t.p2.url}${forged.pathname}${forged.search}`, { method: "POST" })).status).toBe(400);
    // The mail program's one click (RFC 8058): no cookie, no Origin.
    const unsubscribed = await fetch(`${t.p2.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(unsubscribed.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { id: ids.jiwoo } });
    expect([user.unreadMail, user.digest]).toEqual(["off", "weekly"]);
  });
});
