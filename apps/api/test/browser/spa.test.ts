import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { cookieFor } from "../helpers/sessions.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { browserAvailable, screenshotPath } from "../helpers/browser.js";

describe.skipIf(!browserAvailable())("the SPA in Chromium against the real server", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    env = await openBrowserApp();

    ({ app, browser } = env);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "en-US", colorScheme: "light" });
    await page.goto(app.url);
    await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
  });
  afterAll(() => env?.close());

  it("shows the seeded feed in the shell", async () => {
    await expect.poll(() => page.locator('[data-testid="post-list"] li').count()).toBeGreaterThan(5);
    await expect.poll(() => page.getByRole("navigation").textContent()).toContain("Feed");
    await page.screenshot({ path: screenshotPath("01-feed") });
  });

  it("says plainly that an unknown address has no page, with the way back, and tells a visitor how to like", async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    await other.goto(`${app.url}/no/such/page`);
    await other.getByTestId("not-found").getByRole("heading", { name: "Nothing here" }).waitFor();
    expect(await other.locator('[data-testid="post-list"]').count()).toBe(0);
    await other.getByRole("link", { name: "Back to the feed" }).click();
    await other.locator('[data-testid="post-list"] li').first().click();
    expect(await other.getByTestId("like").getAttribute("title")).toBe("Sign in to like posts.");
    await other.close();
  });

  it("announces a post written elsewhere without moving the list, and puts it at the top on click", async () => {
    // The title, not the row's whole text: the row's relative time ("4h") may tick meanwhile.
    const first = page.locator('[data-testid="post-list"] li .list__title').first();
    const firstBefore = await first.textContent();
    const { client } = createTestClient(app.url, app.url, await cookieFor(app.db, "demo"));
    await client.post.create.mutate({
      title: "Written from another client",
      body: "Arrives over the websocket.",
    });
    const pill = page.getByRole("button", { name: "↑ Show new posts (1)" });
    await pill.waitFor({ timeout: 3_000 });
    // Nothing moved under the reader.
    expect(await first.textContent()).toBe(firstBefore);
    await page.screenshot({ path: screenshotPath("02-live-new-posts-pill") });
    await pill.click();
    await expect.poll(() => first.textContent()).toContain("Written from another client");
    expect(await pill.count()).toBe(0);
    await page.screenshot({ path: screenshotPath("02-live-update") });
  });

  it("moves through the list with j / k and opens the post in the detail pane", async () => {
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    // Keys are handled asynchronously: wait for the selection to settle on the last press's target.
    const selected = page.locator('[data-testid="post-list"] li[aria-selected="true"] .list__title');
    const title = "Written from another client";
    await expect.poll(() => selected.textContent()).toBe(title);
    await expect.poll(() => page.locator("#post-title").textContent()).toBe(title);
    expect(page.url()).toMatch(/\/posts\/\d+$/);
  });

  it("opens the command palette with Ctrl+K and runs a command from it", async () => {
    await page.keyboard.press("Control+k");
    const input = page.getByPlaceholder("Type a command or search…");
    await input.waitFor();
    await input.fill("shortcuts");
    await page.screenshot({ path: screenshotPath("03-command-palette") });
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await page.screenshot({ path: screenshotPath("04-shortcut-sheet") });
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog", { name: "Keyboard shortcuts" }).isVisible()).toBe(false);
  });

  it("writes a post in the composer once signed in, with field errors first", async () => {
    await page.keyboard.press("n");
    const dialog = page.getByRole("dialog", { name: "New post" });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole("alert").textContent()).toContain("Sign in to publish.");
    await page.keyboard.press("Escape");

    const cookie = await cookieFor(app.db, "minjun_dev");
    await page
      .context()
      .addCookies([{ name: "orgo_session", value: cookie.split("=")[1]!, url: app.url, httpOnly: true }]);
    await page.reload();
    await page.locator('[data-testid="account"]').waitFor();
    await page.keyboard.press("n");
    await dialog.waitFor();
    expect(await dialog.getByRole("alert").count()).toBe(0);
    await dialog.getByRole("button", { name: "Publish" }).click();
    await expect
      .poll(() => dialog.locator(".field__error").allTextContents())
      .toEqual(["Give your post a title.", "Write what you learned."]);
    await dialog.getByLabel("Title").fill("Composer works");
    // Errors go away as soon as the reader starts fixing them.
    await expect.poll(() => dialog.locator(".field__error").count()).toBe(0);
    await dialog.getByLabel("What did you learn?").fill("Typed in Chromium, stored in PostgreSQL.");
    await page.screenshot({ path: screenshotPath("05-composer") });
    await dialog.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => page.locator("#post-title").textContent()).toBe("Composer works");
    const stored = await env.fresh.db.post.findFirstOrThrow({
      where: { title: "Composer works" },
      include: { author: true },
    });
    expect(stored.author.handle).toBe("minjun_dev");
    await page.screenshot({ path: screenshotPath("06-published") });
  });

  it("likes at once, comments and replies under a post, and counts it all", async () => {
    await page.goto(`${app.url}/`);
    const first = page.locator('[data-testid="post-list"] li').filter({ hasText: "Written from another client" });
    await first.click();
    await expect.poll(() => page.locator("#post-title").textContent()).toBe("Written from another client");
    const like = page.getByTestId("like");
    await expect.poll(() => like.getAttribute("aria-pressed")).toBe("false");
    await like.click();
    await expect.poll(() => like.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => like.textContent()).toContain("1");

    await page.getByLabel("Write a comment").fill("Arrived live for me too.");
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    const comments = page.getByTestId("comments");
    await expect.poll(() => comments.textContent()).toContain("Arrived live for me too.");
    await comments.getByRole("button", { name: "Reply" }).first().click();
    await page.getByLabel("Write a reply").fill("And a reply, one level down.");
    await page.getByRole("button", { name: "Reply" }).last().click();
    await expect
      .poll(() => comments.locator(".comments__replies .comment__body").allTextContents())
      .toEqual(["And a reply, one level down."]);
    await page.screenshot({ path: screenshotPath("07-post-like-comments") });

    const post = await env.fresh.db.post.findFirstOrThrow({ where: { title: "Written from another client" } });
    expect([post.likeCount, post.commentCount]).toEqual([1, 2]);
    const author = await env.fresh.db.user.findUniqueOrThrow({ where: { handle: "demo" } });
    const kinds = await env.fresh.db.notification.findMany({
      where: { recipientId: author.id },
      select: { type: true },
    });
    expect(kinds.map((n) => n.type).sort()).toEqual(["comment", "like"]);
  });

  it("speaks Korean to a Korean browser and follows a dark system theme", async () => {
    const korean = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      locale: "ko-KR",
      colorScheme: "dark",
    });
    await korean.goto(app.url);
    await expect.poll(() => korean.getByRole("navigation").textContent()).toContain("피드");
    await expect.poll(() => korean.locator(".page-header__title").textContent()).toBe("피드");
    const background = await korean.evaluate("getComputedStyle(document.documentElement).backgroundColor");
    expect(background).toBe("rgb(15, 20, 25)");
    await korean.screenshot({ path: screenshotPath("07-korean-dark") });
    await korean.close();
  });
});
