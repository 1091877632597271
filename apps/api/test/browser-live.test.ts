import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../src/app.js";
import { startTestApp } from "./helpers/app.js";
import { browserAvailable, launchBrowser, screenshotPath, signedInPage, webDistDir } from "./helpers/browser.js";
import { createTestClient } from "./helpers/trpc-client.js";
import { cookieFor } from "./helpers/sessions.js";

/** Live without polling: two tabs of one person, and a tab left alone for a minute. */
describe.skipIf(!browserAvailable())("live tabs, in Chromium", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  let browser: Browser;
  let first: Page;
  let second: Page;
  let jiwooId: string;

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({ databaseUrl: fresh.url, webDistDir });
    browser = await launchBrowser();
    first = await signedInPage(browser, app, "jiwoo", { locale: "ko-KR", colorScheme: "dark" });
    // A second tab of the same browser: the same session.
    second = await first.context().newPage();
    await second.goto(app.url);
    await second.getByTestId("account").waitFor();
    jiwooId = (await app.db.user.findUniqueOrThrow({ where: { handle: "jiwoo" } })).id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fresh?.drop();
  });

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

  it("a signed-in tab left alone for 60 s makes no HTTP request (the websocket's pings only)", async () => {
    await second.goto(`${app.url}/`);
    await second.getByTestId("post-list").locator("li").first().waitFor();
    // Let the page's first loads settle, then count.
    await second.waitForLoadState("networkidle");
    const requests: string[] = [];
    second.on("request", (request) => {
      if (request.resourceType() !== "websocket") requests.push(`${request.method()} ${request.url()}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    expect(requests).toEqual([]);
    // The tab is still live: a post written now is announced without a request for it.
    const leo = createTestClient(app.url, app.url, await cookieFor(app.db, "leo_builds")).client;
    await leo.post.create.mutate({ title: "After a quiet minute", body: "Still live." });
    await second.getByRole("button", { name: /새 글 1개 보기/ }).waitFor({ timeout: 3_000 });
    expect(requests).toEqual([]);
  }, 90_000);
});
