import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";

type Box = { x: number; y: number; width: number; height: number };
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { cookieFor } from "../helpers/sessions.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { browserAvailable, screenshotPath, signedInPage, newContext } from "../helpers/browser.js";

/**
 * Elements that stick out past the viewport's right edge (a page that scrolls
 * sideways), unless a scrolling or clipping box inside the viewport holds them (a
 * long line of code scrolls inside its block, as it should). Run in the page.
 */
const OVERFLOWING = `(() => {
  const width = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== "visible" && box.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  return [...document.querySelectorAll("#root *")]
    .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().right > width + 1 && !clipped(el))
    .map((el) => el.tagName.toLowerCase() + "." + el.className);
})()`;
const overflowing = (page: Page) => page.evaluate<string[]>(OVERFLOWING);

/** The focused element's tag, id and name, or "body". Run in the page. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "body";
  return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "[" + (el.getAttribute("aria-label") ?? el.textContent.trim().slice(0, 30)) + "]";
})()`;
const focused = (page: Page) => page.evaluate<string>(FOCUSED);

/** Whether focus is inside an open dialog. */
const IN_DIALOG = `Boolean(document.activeElement?.closest('[role="dialog"]'))`;

describe.skipIf(!browserAvailable())("the client's layout on phone, tablet and desktop, and focus in dialogs", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    env = await openBrowserApp();

    ({ app, browser } = env);
  });
  afterAll(() => env?.close());

  it("on a phone: a bottom bar of 44 px targets, one pane at a time with a back button that keeps the list's place", async () => {
    const page = await signedInPage(browser, app, "demo", { width: 390, height: 844, mobile: true });
    await page.locator('[data-testid="post-list"] li').nth(6).waitFor();
    expect(await overflowing(page)).toEqual([]);

    // The rail is a bar along the bottom, every item at least 44 × 44 px.
    const bar = page.getByRole("navigation", { name: "Main navigation" });
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y + barBox.height).toBeCloseTo(844, 0);
    expect(barBox.width).toBeCloseTo(390, 0);
    const items = bar.locator(".rail__item:visible");
    expect(await items.count()).toBeGreaterThanOrEqual(5);
    for (const item of await items.all()) {
      const box = (await item.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    // No keyboard, so no Ctrl K button; the status keeps its dot.
    expect(await page.locator(".topbar__palette").isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath("layout-01-phone-feed") });

    // One pane: the list; opening a post shows the post alone, with the way back.
    expect(await page.locator(".pane--detail").isVisible()).toBe(false);
    const LIST = `document.querySelector(".pane--list .pane__scroll")`;
    const scrolled = await page.evaluate<number>(`${LIST}.scrollTo({ top: 300 }), ${LIST}.scrollTop`);
    expect(scrolled).toBeGreaterThan(100);
    await page.locator('[data-testid="post-list"] li').nth(5).click();
    await page.locator("#post-title").waitFor();
    expect(await page.locator(".pane--list").isVisible()).toBe(false);
    expect(await overflowing(page)).toEqual([]);
    const back = page.getByRole("button", { name: "Latest" });
    expect((await back.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: screenshotPath("layout-02-phone-post") });
    await back.click();
    await page.locator('[data-testid="post-list"]').waitFor();
    expect(await page.locator(".pane--detail").isVisible()).toBe(false);
    expect(await page.evaluate<number>(`${LIST}.scrollTop`)).toBe(scrolled);

    // What the bar has no room for is in the account menu.
    await page.getByTestId("account").click();
    await page.getByRole("menuitem", { name: "Settings" }).click();
    await page.waitForURL(/\/settings$/);
    expect(await overflowing(page)).toEqual([]);
    await page.context().close();
  });

  it("on a phone in the dark, chat is one room at a time", async () => {
    const page = await signedInPage(browser, app, "demo", {
      width: 390,
      height: 844,
      mobile: true,
      colorScheme: "dark",
    });
    await page.locator('[data-testid="post-list"] li').nth(3).waitFor();
    await page.screenshot({ path: screenshotPath("layout-03-phone-feed-dark") });
    await page.getByRole("link", { name: "Chat" }).click();
    await page.getByTestId("chat-room").first().click();
    await page.getByTestId("chat-input").waitFor();
    expect(await page.locator(".pane--list").isVisible()).toBe(false);
    expect(await overflowing(page)).toEqual([]);
    // No keyboard shortcuts to teach on a phone: the box says what it is for.
    expect(await page.getByTestId("chat-input").getAttribute("placeholder")).toBe("Message…");
    expect(await page.getByRole("searchbox").getAttribute("placeholder")).toBe("Filter or search…");
    await page.screenshot({ path: screenshotPath("layout-03-phone-chat-dark") });
    await page.getByRole("button", { name: "Conversations" }).click();
    await page.getByTestId("chat-rooms").waitFor();
    await page.context().close();
  });

  it("on a tablet and on a 1,920 px screen: the rail and both panes side by side", async () => {
    for (const [name, width, height] of [
      ["tablet", 820, 1180],
      ["wide", 1920, 1080],
    ] as const) {
      const page = await signedInPage(browser, app, "demo", { width, height });
      await page.locator('[data-testid="post-list"] li').first().click();
      await page.locator("#post-title").waitFor();
      const [rail, list, detail] = (await Promise.all(
        [
          page.getByRole("navigation", { name: "Main navigation" }),
          page.locator(".pane--list"),
          page.locator(".pane--detail"),
        ].map(async (locator) => (await locator.boundingBox())!),
      )) as [Box, Box, Box];
      expect(rail.x).toBe(0);
      expect(rail.height).toBeCloseTo(height, 0);
      expect(list.x).toBeGreaterThanOrEqual(rail.width - 1);
      expect(detail.x).toBeGreaterThan(list.x + list.width - 1);
      expect(detail.x + detail.width).toBeCloseTo(width, 0);
      expect(await page.locator(".pane__back").isVisible()).toBe(false);
      expect(await overflowing(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`layout-04-${name}`) });
      await page.context().close();
    }
  });

  it("every section is a list beside what it opened, with both in the address; Back brings the last one back", async () => {
    const page = await signedInPage(browser, app, "demo", { width: 1920, height: 1080 });
    const beside = async () => {
      const [list, detail] = await Promise.all([
        page.locator(".pane--list").boundingBox(),
        page.locator(".pane--detail").boundingBox(),
      ]);
      expect(detail!.x).toBeGreaterThan(list!.x + list!.width - 1);
    };

    // Search: a post opens beside the results; a person too; Back returns to the post.
    await page.goto(`${app.url}/search?q=postgres`);
    const results = page.getByTestId("search-results");
    await results.locator("li").first().click();
    await page.locator("#post-title").waitFor();
    await beside();
    expect(page.url()).toMatch(/[?&]open=\d+/);
    const postTitle = await page.locator("#post-title").textContent();
    await page.getByRole("searchbox", { name: "Search posts and people" }).fill("sara");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByRole("tab", { name: /^People/ }).click();
    await results.locator("li").first().click();
    await expect.poll(() => page.locator(".pane--detail .profile h2").textContent()).toBe("Sara Kim");
    expect(new URL(page.url()).searchParams.get("open")).toBe("sara_k");
    await page.screenshot({ path: screenshotPath("layout-09-search-panes") });
    for (let i = 0; i < 3; i++) await page.goBack();
    await expect.poll(() => page.locator("#post-title").textContent()).toBe(postTitle);
    expect(await results.locator("li.is-selected").count()).toBe(1);

    // Notifications: what one is about, beside the list (here a comment on demo's post).
    const { client: demo } = createTestClient(app.url, app.url, await cookieFor(app.db, "demo"));
    const post = await demo.post.create.mutate({ title: "Panes everywhere", body: "List and detail." });
    const { client: sara } = createTestClient(app.url, app.url, await cookieFor(app.db, "sara_k"));
    await sara.comment.create.mutate({ postId: post.id, body: "Beside it, please" });
    await page.getByRole("link", { name: "Notifications" }).click();
    await page.getByTestId("notifications").getByRole("option").filter({ hasText: "Panes everywhere" }).click();
    await expect.poll(() => page.locator("#post-title").textContent()).toBe("Panes everywhere");
    await beside();
    expect(page.url()).toMatch(/\/notifications\/\d+$/);
    await page.screenshot({ path: screenshotPath("layout-10-notification-panes") });

    // A profile: the post beside the profile and its list, and the address opens both.
    await page.goto(`${app.url}/u/leo_builds`);
    await page.locator('[data-testid="post-list"] li').first().click();
    await page.locator("#post-title").waitFor();
    await beside();
    expect(page.url()).toMatch(/\/u\/leo_builds\/posts\/\d+$/);
    await page.reload();
    await page.locator("#post-title").waitFor();
    expect(await page.locator(".profile h1").textContent()).toBe("Leo Park");

    // Settings: the sections' names beside the sections; an address names one.
    await page.goto(`${app.url}/settings/notifications`);
    await page.getByTestId("notification-preferences").waitFor();
    await beside();
    await expect
      .poll(() =>
        page
          .locator("#settings-notifications")
          .boundingBox()
          .then((box) => box!.y),
      )
      .toBeLessThan(120);
    expect(await page.locator(".settings-nav [aria-selected=true]").textContent()).toBe("Notifications");
    await page.screenshot({ path: screenshotPath("layout-11-settings-panes") });
    await page.context().close();

    // On a phone, settings are the names first, then the section with a way back.
    const phone = await signedInPage(browser, app, "demo", { width: 390, height: 844, mobile: true });
    await phone.goto(`${app.url}/settings`);
    await phone.locator(".settings-nav").getByText("Where you are signed in").click();
    await phone.waitForURL(/\/settings\/sessions$/);
    await phone.getByTestId("sessions").waitFor();
    expect(await phone.locator(".settings-nav").isVisible()).toBe(false);
    await phone.getByRole("button", { name: "Settings" }).click();
    await phone.waitForURL(/\/settings$/);
    // The address changes before the list renders: wait for it rather than look once.
    await phone.locator(".settings-nav").waitFor();
    await phone.context().close();
  });

  it("every dialog starts in its first field, keeps focus inside, and gives it back on close", async () => {
    const page = await signedInPage(browser, app, "demo");
    await page.locator('[data-testid="post-list"] li').first().waitFor();

    // n: the composer, typing straight into the title (a space used to hit ✕ and close it).
    await page.keyboard.press("n");
    const dialog = page.getByRole("dialog", { name: "New post" });
    await dialog.waitFor();
    await expect.poll(() => focused(page)).toMatch(/^input/);
    await page.keyboard.type("Hi there");
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel("Title").inputValue()).toBe("Hi there");
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(IN_DIALOG)).toBe(true);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    // Opened from the page itself: focus goes to the content region, not the body.
    expect(await focused(page)).toMatch(/^main/);

    // ?: the shortcut sheet, and back.
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    expect(await page.evaluate(IN_DIALOG)).toBe(true);
    await page.keyboard.press("Escape");

    // The palette, opened by its button, gives focus back to that button.
    const paletteButton = page.getByRole("button", { name: /Ctrl K/ });
    expect(await paletteButton.getAttribute("aria-label")).toBeNull();
    await paletteButton.click();
    await page.getByPlaceholder("Type a command or search…").waitFor();
    expect(await focused(page)).toMatch(/^input/);
    await page.keyboard.press("Escape");
    await expect.poll(() => focused(page)).toMatch(/Ctrl/);

    // The account menu: arrow keys, Esc, focus back on its button.
    await page.getByTestId("account").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("menu").waitFor();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => focused(page)).toMatch(/Profile|My mentoring/);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(`document.activeElement?.getAttribute("data-testid")`)).toBe("account");
    await page.context().close();
  });

  it("one list behaviour: j / k, arrows, Home / End and Tab move a focused highlight; beside a list moving opens, elsewhere only Enter does", async () => {
    const page = await signedInPage(browser, app, "demo");
    const focusedRow = () =>
      page.evaluate<string | null>(`document.activeElement?.getAttribute("data-list-id") ?? null`);
    const selectedRows = (list: string) =>
      page.locator(`[data-testid="${list}"] [role="option"][aria-selected="true"]`).getAttribute("data-list-id");

    // Studies open beside the list: j highlights, focuses and opens the first card.
    const { client: sara } = createTestClient(app.url, app.url, await cookieFor(app.db, "sara_k"));
    for (const title of ["Graphs, slowly", "SQL on Sundays", "Rust for the curious"]) {
      await sara.study.create.mutate({
        title,
        description: "One chapter a week.",
        startsOn: "2099-03-10",
        endsOn: "2099-03-20",
        online: true,
        capacity: 4,
        tags: ["practice"],
      });
    }
    await page.getByRole("link", { name: "Studies" }).click();
    const cards = page.getByTestId("studies").getByRole("option");
    await cards.nth(1).waitFor();
    const ids = await Promise.all((await cards.all()).map((card) => card.getAttribute("data-list-id")));
    await page.keyboard.press("j");
    await expect.poll(focusedRow).toBe(ids[0]);
    await expect.poll(() => page.url()).toMatch(new RegExp(`/studies/${ids[0]}$`));
    await page.getByTestId("study").waitFor();
    await page.keyboard.press("ArrowDown");
    await expect.poll(focusedRow).toBe(ids[1]);
    expect(await selectedRows("studies")).toBe(ids[1]);
    await page.keyboard.press("k");
    await expect.poll(focusedRow).toBe(ids[0]);
    await page.keyboard.press("End");
    await expect.poll(focusedRow).toBe(ids[ids.length - 1]);
    await page.keyboard.press("Home");
    await expect.poll(focusedRow).toBe(ids[0]);
    // One tab stop: Tab leaves the list, Shift+Tab comes back to the highlighted card.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    expect(await focusedRow()).toBeNull();
    await page.keyboard.press("Shift+Tab");
    await expect.poll(focusedRow).toBe(ids[1]);
    await page.screenshot({ path: screenshotPath("layout-05-studies-highlight") });
    await expect.poll(() => page.url()).toMatch(new RegExp(`/studies/${ids[1]}$`));

    // Notifications: moving does not open or mark read; Enter does. Three people
    // comment on a post of demo's, so there are three to move through.
    const { client: demo } = createTestClient(app.url, app.url, await cookieFor(app.db, "demo"));
    const post = await demo.post.create.mutate({ title: "Roving lists", body: "j and k, then Enter." });
    for (const handle of ["sara_k", "jiwoo", "leo_builds"]) {
      const { client } = createTestClient(app.url, app.url, await cookieFor(app.db, handle));
      await client.comment.create.mutate({ postId: post.id, body: `Nice one, from ${handle}` });
    }
    await page.getByRole("link", { name: "Notifications" }).click();
    const rows = page.getByTestId("notifications").getByRole("option");
    await rows.first().waitFor();
    const unreadBefore = await page.locator(".notification.is-unread").count();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await expect.poll(focusedRow).toBe(await rows.nth(1).getAttribute("data-list-id"));
    expect(page.url()).toMatch(/\/notifications$/);
    expect(await page.locator(".notification.is-unread").count()).toBe(unreadBefore);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => !url.pathname.endsWith("/notifications"));
    await page.context().close();
  });

  it("a post opened by address: its actions and comments come with its text, and nothing on screen moves when it arrives", async () => {
    const context = await newContext(browser, {
      viewport: { width: 412, height: 823 },
      isMobile: true,
      hasTouch: true,
    });
    await context.addInitScript({
      content: `
        window.__moved = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            for (const source of entry.sources || [])
              if (source.node && source.node.nodeType === 1) window.__moved.push(source.node.className);
        }).observe({ type: "layout-shift", buffered: true });`,
    });
    const page = await context.newPage();
    const post = await app.db.post.findFirstOrThrow({ where: { comments: { some: {} } }, orderBy: { id: "asc" } });
    await page.goto(`${app.url}/posts/${post.id}`);
    await page.getByTestId("comments").locator("li").first().waitFor();
    await page.waitForTimeout(500);
    // The like button and the comments were drawn under the body's stand-in, and jumped
    // when the text came (Lighthouse read a CLS of 0.077 on the post page).
    const moved = await page.evaluate<string[]>("window.__moved");
    expect(moved.filter((name) => /detail__actions|^comments$/.test(name))).toEqual([]);
    await context.close();
  });

  it("a visitor's first paint is the frame and what OrGo is, before any script; nothing shifts when the app takes over", async () => {
    const context = await newContext(browser, {
      viewport: { width: 412, height: 823 },
      isMobile: true,
      hasTouch: true,
      locale: "ko-KR",
    });
    await context.addInitScript({
      content: `
        window.__shifts = 0;
        window.__lcp = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__lcp.push(entry.element ? entry.element.className : "");
        }).observe({ type: "largest-contentful-paint", buffered: true });`,
    });
    const page = await context.newPage();
    // Without scripts: index.html alone paints the frame and the welcome, in Korean.
    await page.route("**/assets/*.js", (route) => route.abort());
    await page.goto(app.url);
    expect(await page.locator(".boot .welcome--ko").isVisible()).toBe(true);
    expect(await page.locator(".boot .welcome--en").isVisible()).toBe(false);
    expect(await page.locator(".boot .welcome--ko h1").textContent()).toBe("배운 것을 나누며 함께 배워요.");
    await page.screenshot({ path: screenshotPath("layout-06-first-paint-no-script") });
    // Elsewhere (here the sign-in page) the frame alone: no welcome that the page then replaces.
    await page.goto(`${app.url}/signin`);
    expect(await page.locator(".boot .welcome--ko").isVisible()).toBe(false);
    expect(await page.locator(".boot .topbar").isVisible()).toBe(true);
    await page.goto(app.url);
    // With them: the app draws the same welcome; the largest paint stays the first one.
    await page.unroute("**/assets/*.js");
    await page.reload();
    await page.locator('[data-testid="post-list"] li').first().waitFor();
    await page.getByRole("link", { name: "회원가입" }).first().waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate<number>("window.__shifts")).toBeLessThan(0.05);
    expect(await page.evaluate<string[]>("window.__lcp")).toEqual(["welcome__text"]);
    // The app's chunk is asked for only once that frame is on screen.
    const order = await page.evaluate<{ paint: number; app: number }>(`({
      paint: performance.getEntriesByName("first-contentful-paint")[0].startTime,
      app: performance.getEntriesByType("resource").find((r) => /\\/assets\\/start-/.test(r.name)).startTime,
    })`);
    expect(order.app).toBeGreaterThanOrEqual(order.paint);
    // A visitor's page nobody has used yet runs no overlay's code (a member's fetches it
    // once idle): reading a shared link on a phone costs the page's own code only.
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(1_000);
    let chunks = await loadedChunks(page);
    expect(chunks).not.toContain("CommandPalette");
    expect(chunks).not.toContain("ShortcutSheet");
    expect(chunks).not.toContain("DialogModal");
    // At its first key (or touch, click, wheel) it fetches those a visitor can use (the
    // palette, the keys, the dialogs'), not the composer's or the outbox's code, which
    // only a member uses.
    await page.keyboard.press("Shift");
    await page.locator("[data-overlays-ready]").waitFor({ state: "attached" });
    chunks = await loadedChunks(page);
    expect(chunks).toContain("CommandPalette");
    expect(chunks).toContain("ShortcutSheet");
    expect(chunks).toContain("DialogModal");
    expect(chunks).not.toContain("Composer");
    expect(chunks).not.toContain("OutboxDialog");
    // A row's time is relative; the full date is there on hover.
    const time = page.locator('[data-testid="post-list"] li time').first();
    expect(await time.textContent()).toMatch(/^(지금|\d+(분|시간|일))$|월/);
    await time.hover();
    await expect.poll(() => time.getAttribute("title")).toMatch(/\d{4}\./);
    await context.close();
  });

  it("the palette finds people, posts and studies, and commands by their name in either language", async () => {
    const page = await signedInPage(browser, app, "demo");
    const korean: string[] = [];
    page.on("request", (request) => {
      if (/\/assets\/messages-ko-[\w-]+\.js$/.test(request.url())) korean.push(request.url());
    });
    await page.locator("[data-overlays-ready]").waitFor({ state: "attached" });
    // A member's page has the composer ready too ("n" opens it at once).
    expect(await loadedChunks(page)).toContain("Composer");
    // The palette is ready (it mounted, closed), but an English reader has not fetched
    // the Korean names yet, a moment later either…
    await page.waitForTimeout(500);
    expect(korean).toEqual([]);
    await page.keyboard.press("Control+k");
    const input = page.getByPlaceholder("Type a command or search…");
    await input.waitFor();
    // …only now that the palette opened. Korean in the English interface finds the
    // command by its Korean name.
    await input.fill("설정");
    await page.getByRole("option", { name: "Settings" }).waitFor();
    // Content: people and posts from the search, beside the commands.
    await input.fill("sara");
    const person = page.getByRole("option", { name: "Sara Kim @sara_k" });
    await person.waitFor();
    // The best match is the one Enter opens.
    await expect.poll(() => person.getAttribute("aria-selected")).toBe("true");
    await input.fill("EXPLAIN");
    const post = page.getByRole("option", { name: /EXPLAIN ANALYZE cheat sheet/ });
    await post.waitFor();
    await expect.poll(() => post.getAttribute("aria-selected")).toBe("true");
    await page.screenshot({ path: screenshotPath("layout-07-palette-content") });
    await input.fill("sara");
    await person.click();
    await expect.poll(() => page.url()).toMatch(/\/u\/sara_k$/);
    await page.context().close();
  });

  it("Block is not Follow's equal: a quiet button that asks first; a study form's error goes once the field is fixed", async () => {
    const page = await signedInPage(browser, app, "demo");
    await page.goto(`${app.url}/u/jiwoo`);
    const block = page.getByRole("button", { name: "Block", exact: true });
    await block.click();
    const dialog = page.getByRole("dialog", { name: "Block @jiwoo?" });
    await dialog.waitFor();
    // The safe answer has focus; Escape leaves everything as it was.
    await expect.poll(() => focused(page)).toMatch(/Cancel/);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.getByRole("button", { name: "Unblock" }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath("layout-08-profile-actions") });

    await page.goto(`${app.url}/studies/new`);
    await page.getByRole("button", { name: "Create study" }).click();
    await page.getByText("Title is required").waitFor();
    await page.getByLabel("Title").fill("Graph algorithms, slowly");
    await expect.poll(() => page.getByText("Title is required").count()).toBe(0);
    await page.context().close();
  });

  it("a list on its way shows items shaped like it (rows or cards, in its grid), announced once, then the items", async () => {
    const page = await signedInPage(browser, app, "demo", { width: 1280, height: 800 });
    // Hold back a moment: the studies page's code, then the studies' and the mentors' answers.
    const hold = (pattern: string) =>
      page.route(pattern, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
    await hold("**/assets/StudiesPage-*.js");
    await hold("**/trpc/*study.list*");
    await hold("**/trpc/*mentoring.list*");
    await page.goto(`${app.url}/studies`);
    // The page's code on its way: its header and rows, not a line of text.
    const pageSkeleton = page.getByTestId("page-skeleton");
    await pageSkeleton.waitFor();
    expect(await pageSkeleton.getAttribute("role")).toBe("status");
    expect(await pageSkeleton.locator(".page-header .skeleton--title").count()).toBe(1);
    await page.screenshot({ path: screenshotPath("layout-12a-page-skeleton") });

    // Studies are cards: their skeleton is cards, as wide as the cards that come.
    const skeleton = page.getByTestId("list-skeleton");
    await skeleton.waitFor();
    expect(await skeleton.getAttribute("role")).toBe("status");
    expect(await skeleton.getAttribute("data-shape")).toBe("card");
    expect(await skeleton.locator(".skeleton-card").count()).toBeGreaterThan(1);
    const shapeWidth = (await skeleton.locator(".skeleton-card").first().boundingBox())!.width;
    await page.screenshot({ path: screenshotPath("layout-12-list-skeleton") });
    const card = page.getByTestId("studies").getByRole("option").first();
    await card.waitFor();
    expect(await skeleton.count()).toBe(0);
    expect(Math.abs((await card.boundingBox())!.width - shapeWidth)).toBeLessThan(2);

    // Mentors: cards with a picture, and no "Mentors found: 0" before the answer.
    await page.goto(`${app.url}/mentors`);
    await skeleton.waitFor();
    expect(await skeleton.getAttribute("data-shape")).toBe("card");
    expect(await skeleton.locator(".skeleton-card .skeleton--avatar").count()).toBeGreaterThan(1);
    expect(await page.getByText(/Mentors found/).count()).toBe(0);
    await page.getByTestId("mentors").getByRole("option").first().waitFor();
    expect(await skeleton.count()).toBe(0);
    await page.getByText(/Mentors found: [1-9]/).waitFor();
    await page.context().close();
  });

  // Last: it adds thirty posts to the feed the tests above read.
  it("a long list loads its next page as the reader scrolls near its end, without a click", async () => {
    const { client: demo } = createTestClient(app.url, app.url, await cookieFor(app.db, "demo"));
    for (let i = 1; i <= 30; i++) await demo.post.create.mutate({ title: `Scroll test ${i}`, body: "More below." });
    const page = await signedInPage(browser, app, "demo", { width: 1280, height: 800 });
    const rows = page.locator('[data-testid="post-list"] li');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(20);
    await page.locator(".pane--list .pane__scroll").evaluate((box) => {
      const el = box as unknown as { scrollTop: number; scrollHeight: number };
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => rows.count()).toBeGreaterThan(20);
    // Nothing twice.
    const titles = await page.locator('[data-testid="post-list"] li .list__title').allTextContents();
    expect(new Set(titles).size).toBe(titles.length);
    await page.context().close();
  });
});

/** The names of the script chunks a page has loaded ("Composer" for assets/Composer-abc123.js). */
async function loadedChunks(page: Page): Promise<string[]> {
  const urls = await page.evaluate<string[]>(`performance.getEntriesByType("resource").map((r) => r.name)`);
  return urls.flatMap((url) => /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(url)?.[1] ?? []);
}
