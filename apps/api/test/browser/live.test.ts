import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { browserAvailable, screenshotPath, signedInPage, stubDesktopNotifications } from "../helpers/browser.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { cookieFor } from "../helpers/sessions.js";

/** Live without polling: two tabs of one person, and a tab left alone for a minute. */
describe.skipIf(!browserAvailable())("live tabs, in Chromium", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let first: Page;
  let second: Page;
  let jiwooId: string;

  beforeAll(async () => {
    env = await openBrowserApp();

    ({ app, browser } = env);
    first = await signedInPage(browser, app, "jiwoo", { locale: "ko-KR", colorScheme: "dark" });
    // A second tab of the same browser: the same session.
    second = await first.context().newPage();
    await second.goto(app.url);
    await second.getByTestId("account").waitFor();
    jiwooId = (await app.db.user.findUniqueOrThrow({ where: { handle: "jiwoo" } })).id;
  });
  afterAll(() => env?.close());

  it("two tabs of one person: a notification reaches both; reading it in one clears the other's badge", async () => {
    await app.db.notification.updateMany({ where: { recipientId: jiwooId }, data: { readAt: new Date() } });
    await Promise.all([first.reload(), second.reload()]);
    await Promise.all([first.getByTestId("account").waitFor(), second.getByTestId("account").waitFor()]);
    const leo = createTestClient(app.url, app.url, await cookieFor(app.db, "leo_builds")).client;
    await leo.social.unfollow.mutate({ userId: jiwooId });
    await leo.social.follow.mutate({ userId: jiwooId });
    for (const tab of [first, second]) {
      await expect.poll(() => tab.getByTestId("unread").textContent(), { timeout: 3_000 }).toBe("1");
      await expect.poll(() => tab.title()).toBe("(1) OrGo");
    }
    await first.screenshot({ path: screenshotPath("live-01-dark-ko-badge") });
    await first.goto(`${app.url}/notifications`);
    await first.getByRole("button", { name: "모두 읽음" }).click();
    await expect.poll(() => second.getByTestId("unread").count(), { timeout: 3_000 }).toBe(0);
    await expect.poll(() => second.title()).toBe("OrGo");
    await second.screenshot({ path: screenshotPath("live-02-dark-ko-badge-cleared-by-other-tab") });
  });

  it("announces a new notification with a toast; a kind turned off in Settings is counted, not announced", async () => {
    // The other tab was opened last: bring this one forward, or its animations stand still.
    await first.bringToFront();
    await first.goto(`${app.url}/`);
    await first.getByTestId("post-list").locator("li").first().waitFor();
    const post = await app.db.post.findFirstOrThrow({ where: { author: { handle: "jiwoo" } } });
    const unreadBefore = await app.db.notification.count({ where: { recipientId: jiwooId, readAt: null } });
    const sara = createTestClient(app.url, app.url, await cookieFor(app.db, "sara_k")).client;
    await sara.comment.create.mutate({ postId: post.id, body: "Toast me" });
    const toast = first.locator("[data-sonner-toast]").filter({ hasText: "Sara Kim" });
    await toast.waitFor({ timeout: 3_000 });
    // What was said, and where.
    expect(await toast.textContent()).toContain(`“Toast me” — ${post.title}`);
    // Past sonner's slide-in, so the screenshot shows it.
    await expect.poll(() => toast.getAttribute("data-mounted")).toBe("true");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await first.screenshot({ path: screenshotPath("live-03-dark-ko-toast") });
    await toast.getByRole("button", { name: "열기" }).click();
    await expect.poll(() => first.locator("#post-title").textContent()).toBe(post.title);

    // Comments turned off "in the app": the next one is counted, not announced.
    await first.goto(`${app.url}/settings`);
    const inApp = first.getByRole("checkbox", { name: "내 글의 댓글: 앱 안에서" });
    // The box turns once the mutation starts (a tick after the click): click, then wait for it.
    await inApp.click();
    await expect.poll(() => inApp.isChecked()).toBe(false);
    await first
      .getByTestId("notification-preferences")
      .screenshot({ path: screenshotPath("live-04-dark-ko-preferences") });
    await first
      .locator("[data-sonner-toast]")
      .first()
      .waitFor({ state: "detached", timeout: 10_000 })
      .catch(() => undefined);
    await sara.comment.create.mutate({ postId: post.id, body: "Quietly" });
    await expect
      .poll(() => first.getByTestId("unread").textContent(), { timeout: 3_000 })
      .toBe(String(unreadBefore + 2));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await first.locator("[data-sonner-toast]").filter({ hasText: "Quietly" }).count()).toBe(0);
    expect(await first.locator("[data-sonner-toast]").count()).toBe(0);

    // "Pause until tomorrow" shows until when, and "Resume" lifts it.
    await first.getByRole("button", { name: "내일까지 멈추기" }).click();
    await first.getByTestId("paused-until").waitFor();
    await first.getByRole("button", { name: "다시 받기" }).click();
    await first.getByRole("button", { name: "내일까지 멈추기" }).waitFor();
    await inApp.click();
    await expect.poll(() => inApp.isChecked()).toBe(true);
  });

  it("announces a notification on the desktop while the tab is hidden (tagged, so several tabs show it once)", async () => {
    const page = await signedInPage(browser, app, "sara_k", { locale: "en-US" });
    // The browser's side stubbed: a hidden tab, and a Notification that records what it was asked to show.
    await stubDesktopNotifications(page.context());
    await page.reload();
    await page.getByTestId("account").waitFor();
    await page.bringToFront();
    await page.evaluate("window.__hidden = true");
    const leo = createTestClient(app.url, app.url, await cookieFor(app.db, "leo_builds")).client;
    const sara = (await app.db.user.findUniqueOrThrow({ where: { handle: "sara_k" } })).id;
    await leo.social.unfollow.mutate({ userId: sara });
    await leo.social.follow.mutate({ userId: sara });
    type Note = { title: string; body: string };
    const notes = () => page.evaluate<Note[]>("window.__notes");
    await expect.poll(async () => (await notes()).length, { timeout: 3_000 }).toBe(1);
    const [note] = await notes();
    expect(note).toMatchObject({ title: "Leo Park followed you", body: "" });
    const [tag] = await page.evaluate<string[]>("window.__noteTags");
    expect(tag).toMatch(/^orgo-notification-\d+$/);
    // No toast in a hidden tab: the desktop took it.
    expect(await page.locator("[data-sonner-toast]").allTextContents()).toEqual([]);
    await page.context().close();
  });

  it("offers people to mention in a comment (arrow keys + Enter), links the mention and notifies once", async () => {
    const post = await app.db.post.findFirstOrThrow({
      where: { author: { handle: "jiwoo" } },
      orderBy: { id: "desc" },
    });
    await first.bringToFront();
    await first.goto(`${app.url}/posts/${post.id}`);
    const box = first.getByLabel("댓글 쓰기");
    await box.click();
    await box.pressSequentially("고마워요 @le");
    const list = first.getByRole("listbox", { name: "언급할 사람" });
    await list.waitFor();
    // The list answers each keystroke; the one for "@le" may arrive after the list opened.
    await expect.poll(() => list.getByRole("option").first().textContent()).toContain("@leo_builds");
    // The field points at the open list (a textbox: aria-controls, not aria-expanded).
    expect(await box.getAttribute("aria-controls")).toBe(await list.getAttribute("id"));
    await first.screenshot({ path: screenshotPath("live-05-dark-ko-mention-list") });
    await box.press("ArrowDown");
    await box.press("ArrowUp");
    await box.press("Enter");
    await expect.poll(() => box.inputValue()).toBe("고마워요 @leo_builds ");
    expect(await list.count()).toBe(0);
    await box.pressSequentially("덕분이에요");
    await first.getByRole("button", { name: "댓글 달기" }).click();
    const mention = first.getByTestId("comments").locator("a.mention", { hasText: "@leo_builds" });
    await mention.waitFor();
    expect(await mention.getAttribute("href")).toBe("/u/leo_builds");
    const leo = await app.db.user.findUniqueOrThrow({ where: { handle: "leo_builds" } });
    await expect
      .poll(() => app.db.notification.count({ where: { recipientId: leo.id, type: "mention", postId: post.id } }))
      .toBe(1);
    await mention.click();
    await expect.poll(() => first.url()).toBe(`${app.url}/u/leo_builds`);
  });

  it("a signed-in tab left alone for 60 s makes no HTTP request (the websocket's pings only)", async () => {
    // A tab of its own whose clock we move: 60 s of the page's time (every timer it
    // sets, the websocket's keep-alive pings included) pass in about two seconds. The
    // clock moves a second at a time, with a real pause between, so the server's
    // answers to those pings still arrive within the page's pong timeout.
    const quiet = await first.context().newPage();
    await quiet.clock.install();
    await quiet.goto(`${app.url}/`);
    await quiet.getByTestId("post-list").locator("li").first().waitFor();
    // Let the page's first loads settle (the overlays' chunks, fetched once when the
    // page is idle, included), then count.
    await quiet.locator("[data-overlays-ready]").waitFor({ state: "attached" });
    await quiet.waitForLoadState("networkidle");
    const requests: string[] = [];
    quiet.on("request", (request) => {
      if (request.resourceType() !== "websocket") requests.push(`${request.method()} ${request.url()}`);
    });
    for (let second = 0; second < 60; second++) {
      await quiet.clock.runFor(1_000);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(requests).toEqual([]);
    // The tab is still live: a post written now is announced without a request for it.
    const leo = createTestClient(app.url, app.url, await cookieFor(app.db, "leo_builds")).client;
    await leo.post.create.mutate({ title: "After a quiet minute", body: "Still live." });
    await quiet.getByRole("button", { name: /새 글 1개 보기/ }).waitFor({ timeout: 3_000 });
    expect(requests).toEqual([]);
    await quiet.close();
  });
});
