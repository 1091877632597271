import { randomUUID } from "node:crypto";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { addJob } from "../../src/platform/jobs/job-queue.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { browserAvailable, screenshotPath, webDistDir } from "../helpers/browser.js";
import { cookieFor } from "../helpers/sessions.js";
import { browserSubscription, startTestPushService } from "../helpers/push-service.js";
import { rawTrpc } from "../helpers/raw-trpc.js";

/**
 * OrGo as an installed app, in Chromium with its service worker: installable, offline
 * after one visit, a new version announced; a push shown and its click opening the
 * item; push devices and mail in Settings; the mails themselves.
 */
describe.skipIf(!browserAvailable())("the installed app", () => {
  let env: BrowserApp;
  let dist: string;
  let appOptions: { webDistDir: string; env: Record<string, string> };
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  const pushService = startTestPushService();

  beforeAll(async () => {
    // A copy of the built client: one test ships a new version of its service worker.
    dist = mkdtempSync(path.join(tmpdir(), "orgo-web-"));
    cpSync(webDistDir, dist, { recursive: true });
    appOptions = { webDistDir: dist, env: { PUSH_ALLOWED_HOSTS: "127.0.0.1" } };
    env = await openBrowserApp(appOptions);
    context = await env.browser.newContext({
      serviceWorkers: "allow",
      viewport: { width: 1280, height: 820 },
      locale: "en-US",
      colorScheme: "light",
    });
    await context.grantPermissions(["notifications"], { origin: env.app.url });
    const token = (await cookieFor(env.app.db, "jiwoo")).split("=")[1]!;
    await context.addCookies([{ name: "orgo_session", value: token, url: env.app.url, httpOnly: true }]);
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await page.goto(env.app.url);
    await page.getByTestId("account").waitFor();
    // The worker registers once the page is loaded and idle, then installs its precache.
    await page.evaluate("navigator.serviceWorker.ready.then(() => undefined)");
  });
  afterAll(async () => {
    await context?.close();
    await env?.close();
    await (await pushService).close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("is installable, in the reader's language, and opens offline after one visit", async () => {
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    // An automation context always counts as incognito (TOOLCHAIN.md): nothing else is missing.
    expect(installabilityErrors.filter((error) => error.errorId !== "in-incognito")).toEqual([]);
    const manifest = (await (await fetch(`${env.app.url}/manifest.webmanifest`)).json()) as {
      display: string;
      icons: { sizes: string; purpose?: string }[];
      shortcuts: { url: string }[];
    };
    expect(manifest.display).toBe("standalone");
    expect(manifest.icons.map((icon) => `${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ""}`)).toEqual(
      expect.arrayContaining(["192x192", "512x512", "512x512 maskable"]),
    );
    expect(manifest.shortcuts.map((shortcut) => shortcut.url)).toEqual(["/?compose", "/chat", "/notifications"]);
    const korean = (await (await fetch(`${env.app.url}/manifest.ko.webmanifest`)).json()) as { name: string };
    expect(korean.name).toBe("오르고");

    // Offline: the shell comes from the service worker, and says plainly that it is offline.
    await page.reload();
    await page.getByTestId("account").waitFor();
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole("navigation").first().waitFor();
      // Never "Live". Chromium's offline emulation leaves navigator.onLine true in a page
      // loaded while offline (a real offline browser says false: "Offline"); the page
      // then knows only that OrGo does not answer.
      const browserSaysOnline = (await page.evaluate("navigator.onLine")) === true;
      const [state, label] = browserSaysOnline
        ? ["reconnecting", "Can't reach OrGo — retrying"]
        : ["offline", "Offline"];
      await page.locator(`[data-testid="connection"][data-state="${state}"]`).waitFor();
      expect(await page.getByTestId("connection").textContent()).toBe(label);
      await page.screenshot({ path: screenshotPath("installed-app-offline") });
    } finally {
      await context.setOffline(false);
    }
    await page.reload();
    await page.getByTestId("account").waitFor();
  });

  it("shows a push the service worker receives, and a click opens its item in the open window", async () => {
    const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
    cdp.on("ServiceWorker.workerRegistrationUpdated", (event) => registrations.push(...event.registrations));
    await cdp.send("ServiceWorker.enable");
    await expect.poll(() => registrations.find((r) => !r.isDeleted)).toBeTruthy();
    const registrationId = registrations.find((r) => !r.isDeleted)!.registrationId;
    const payload = {
      title: "Leo Park",
      body: "Pairing on the parser at 8?",
      url: "/notifications",
      tag: "orgo-room-1",
      badge: 3,
    };
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: env.app.url,
      registrationId,
      data: JSON.stringify(payload),
    });
    const shown = () =>
      page.evaluate<{ title: string; body: string; tag: string }[]>(`navigator.serviceWorker.ready
        .then((registration) => registration.getNotifications())
        .then((list) => list.map((n) => ({ title: n.title, body: n.body, tag: n.tag })))`);
    await expect.poll(shown).toEqual([{ title: payload.title, body: payload.body, tag: payload.tag }]);
    // A second push with the same tag replaces it: a burst in one room is one notification.
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: env.app.url,
      registrationId,
      data: JSON.stringify({ ...payload, body: "3 new messages · see you there" }),
    });
    await expect.poll(async () => (await shown()).map((n) => n.body)).toEqual(["3 new messages · see you there"]);

    // The click, as the platform delivers it to the worker (a headless browser has no
    // notification to click): the open window is told to show the item.
    const worker = context.serviceWorkers()[0]!;
    await worker.evaluate(`self.registration.getNotifications().then(([notification]) => {
      try {
        self.dispatchEvent(new NotificationEvent("notificationclick", { notification }));
      } catch {
        // waitUntil refuses a synthetic event after the handler has started the work.
      }
    })`);
    await page.waitForURL(/\/notifications$/);
  });

  it("lists the devices that receive push in Settings, removes one, and keeps mail choices", async () => {
    const service = await pushService;
    const api = rawTrpc(env.app.url, { cookie: await cookieFor(env.app.db, "jiwoo") });
    // Mail settings need an address that reaches the person (the demo accounts' are not verified).
    await env.app.db.user.update({ where: { handle: "jiwoo" }, data: { emailVerifiedAt: new Date() } });
    const phone = await api.mutate("push.subscribe", browserSubscription(`${service.origin}/push/jiwoo-phone`).json, {
      "user-agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
    });
    expect(phone.status, phone.text).toBe(200);
    await page.goto(`${env.app.url}/settings/notifications`);
    const devices = page.getByTestId("push-devices");
    await expect.poll(() => devices.textContent()).toContain("Chrome · Android");
    await page.getByTestId("mail-section").waitFor();
    await page.getByLabel("Digest of what you missed").selectOption("daily");
    await expect
      .poll(async () => (await env.app.db.user.findUniqueOrThrow({ where: { handle: "jiwoo" } })).digest)
      .toBe("daily");
    await page.getByTestId("push-section").scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("settings-push-and-mail"), fullPage: true });
    await devices.getByRole("button", { name: "Remove" }).click();
    await page.getByText("No device receives push yet.").waitFor();
  });

  it("announces a new version instead of serving the old one, and reloads into it when asked", async () => {
    await page.goto(env.app.url);
    await page.getByTestId("account").waitFor();
    // A release: the server restarts (same address) with a changed worker script.
    appendFileSync(path.join(dist, "service-worker.js"), `\n// release ${randomUUID()}\n`);
    await env.startApp({ ...appOptions, env: { ...appOptions.env, PORT: new URL(env.app.url).port } });
    await page.evaluate('navigator.serviceWorker.getRegistration("/").then((registration) => registration.update())');
    const notice = page.getByText("A new version of OrGo is ready.");
    await notice.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath("installed-app-update") });
    const reloaded = page.waitForEvent("load");
    await page.getByRole("button", { name: "Reload" }).click();
    await reloaded;
    await page.getByTestId("account").waitFor();
    expect(await page.evaluate('navigator.serviceWorker.getRegistration("/").then((r) => r.waiting)')).toBe(null);
  });

  it("mails unread messages and the digest as HTML in the person's language (screenshots)", async () => {
    const db = env.app.db;
    const jiwoo = await db.user.update({
      where: { handle: "jiwoo" },
      data: { emailVerifiedAt: new Date(), language: "ko", unreadMail: "15m", digest: "weekly", lastDigestAt: null },
    });
    const leo = rawTrpc(env.app.url, { cookie: await cookieFor(db, "leo_builds") });
    const room = (
      (await leo.mutate("chat.openDirect", { userId: jiwoo.id })).body as { result: { data: { json: { id: number } } } }
    ).result.data.json;
    for (const body of [
      "Are you joining the Rust study tonight?",
      "I saved you a seat, bring the borrow checker notes",
    ]) {
      await leo.mutate("chat.send", { roomId: room.id, clientId: randomUUID(), body, imageIds: [] });
    }
    await db.$executeRaw`update "ChatMessage" set "createdAt" = now() - interval '20 minutes' where "roomId" = ${room.id}`;
    // Jiwoo closes OrGo: no tab of theirs is open when the mail is due (as Leo sees it).
    await page.close();
    await expect
      .poll(async () => JSON.stringify((await leo.query("presence.of", { userIds: [jiwoo.id] })).body))
      .toContain('"state":"offline"');
    await db.session.updateMany({
      where: { userId: jiwoo.id },
      data: { lastSeenAt: new Date(Date.now() - 8 * 24 * 3600_000) },
    });
    await db.$transaction(async (tx) => {
      await addJob(tx, "mail:unread", { userId: jiwoo.id });
      await addJob(tx, "mail:digest", { userId: jiwoo.id });
    });
    const outbox = env.app.outbox!;
    await expect
      .poll(() => outbox.messages.filter((mail) => mail.to === "jiwoo@orgo.dev" && mail.html).map((m) => m.subject), {
        timeout: 20_000,
      })
      .toHaveLength(2);
    const viewer = await context.newPage();
    for (const mail of outbox.messages.filter((m) => m.to === "jiwoo@orgo.dev" && m.html)) {
      await viewer.setViewportSize({ width: 640, height: 900 });
      await viewer.setContent(mail.html!);
      const name = mail.subject.includes("놓친") ? "mail-digest-ko" : "mail-unread-ko";
      await viewer.screenshot({ path: screenshotPath(name), fullPage: true });
      expect(mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    }
    expect(outbox.messages.map((m) => m.subject)).toEqual(
      expect.arrayContaining(["오르고에 읽지 않은 메시지 2개", "오르고에서 놓친 소식"]),
    );
  });
});
