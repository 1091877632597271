import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { cookieFor } from "../helpers/sessions.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { browserAvailable, screenshotPath, signedInPage } from "../helpers/browser.js";

/**
 * What a newcomer tripped over (issue 25's "Broken"): each journey failed before its
 * fix, and is walked here as that person would.
 */
describe.skipIf(!browserAvailable())("what a newcomer tripped over", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    env = await openBrowserApp();
    ({ app, browser } = env);
  });
  afterAll(() => env?.close());

  it("a follow on the welcome page stays followed, there, on the profile and after a reload", async () => {
    await app.db.user.create({
      data: { handle: "newbie_one", displayName: "New Bie", email: "newbie@example.com", emailVerifiedAt: new Date() },
    });
    const page = await signedInPage(browser, app, "newbie_one");
    await page.goto(`${app.url}/welcome`);
    const first = page.locator(".welcome__person").first();
    const name = (await first.locator(".welcome__name").textContent())!;
    const profileHref = (await first.locator(".welcome__name").getAttribute("href"))!;
    const answered = page.waitForResponse((response) => response.url().includes("social.follow"));
    await first.getByTestId("follow").click();
    await answered;
    // After the request settled (the button used to drop back to "Follow" here).
    await page.waitForTimeout(300);
    expect(await first.getByTestId("follow").textContent()).toBe("Following");
    expect(await first.getByTestId("follow").getAttribute("aria-pressed")).toBe("true");
    await page.screenshot({ path: screenshotPath("newcomer-01-welcome-followed") });
    // Elsewhere and back: still followed (the suggestions are loaded once).
    await page.goto(`${app.url}${profileHref}`);
    await page.getByRole("heading", { name }).waitFor();
    await expect.poll(() => page.getByTestId("follow").textContent()).toBe("Following");
    await page.reload();
    await expect.poll(() => page.getByTestId("follow").textContent()).toBe("Following");
    await page.context().close();
  });

  for (const language of ["en", "ko"] as const) {
    it(`welcome suggests people active lately first, says when, and uses a wide screen (${language})`, async () => {
      const handle = `newbie_wide_${language}`;
      await app.db.user.create({
        data: { handle, displayName: "Wide Newbie", email: `${handle}@example.com`, emailVerifiedAt: new Date() },
      });
      // A silent account with more followers than anyone: it comes after the active ones.
      const silent = await app.db.user.upsert({
        where: { handle: "silent_star" },
        update: {},
        create: { handle: "silent_star", displayName: "Silent Star", email: "silent@example.com", followerCount: 99 },
      });
      const page = await signedInPage(browser, app, handle, {
        locale: language === "en" ? "en-US" : "ko-KR",
        width: 1440,
      });
      await page.goto(`${app.url}/welcome`);
      const people = page.locator(".welcome__person");
      await people.first().waitFor();
      const activity = await people.getByTestId("active").allTextContents();
      const names = await people.locator(".welcome__name").allTextContents();
      const silentAt = names.indexOf(silent.displayName);
      const lastActive = activity.findLastIndex((said) => said === (language === "en" ? "Active today" : "오늘 활동"));
      expect(lastActive).toBeGreaterThanOrEqual(0);
      expect(silentAt).toBeGreaterThan(lastActive);
      expect(activity[silentAt]).toBe(language === "en" ? "No posts or comments yet" : "아직 글이나 댓글이 없어요");
      // No name or line about someone reads like sample data ("Demo Learner", "the demo composer").
      const said = [...names, ...(await people.locator(".welcome__bio").allTextContents())].join(" ");
      expect(said.toLowerCase()).not.toContain("demo");
      // 1,440 px: people in two columns, studies and the profile beside them.
      const boxes = await Promise.all(
        [people.nth(0), people.nth(1), page.locator("#welcome-studies")].map((l) => l.boundingBox()),
      );
      expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width - 1);
      expect(boxes[2]!.x).toBeGreaterThan(boxes[1]!.x + boxes[1]!.width);
      await page.screenshot({ path: screenshotPath(`newcomer-16-welcome-wide-${language}`) });
      await page.context().close();
    });
  }

  for (const language of ["en", "ko"] as const) {
    it(`settings opened by address shows the asked-for section, in ${language === "en" ? "English" : "Korean"}`, async () => {
      const page = await signedInPage(browser, app, "demo", { locale: language === "en" ? "en-US" : "ko-KR" });
      for (const section of ["notifications", "mentoring", "sessions"]) {
        await page.goto(`${app.url}/settings/${section}`);
        const target = page.locator(`#settings-${section}`);
        await target.waitFor();
        // Every section has loaded what it loads (they grow meanwhile).
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(300);
        const offset = await page.evaluate(`(() => {
          const element = document.getElementById("settings-${section}");
          return element.getBoundingClientRect().top - element.closest(".pane__scroll").getBoundingClientRect().top;
        })()`);
        expect(Math.abs(offset as number), `${section} is ${String(offset)}px from the top`).toBeLessThan(40);
        expect(await page.locator(".settings-nav .is-selected").getAttribute("data-list-id")).toBe(section);
      }
      await page.screenshot({ path: screenshotPath(`newcomer-02-settings-by-address-${language}`) });
      await page.context().close();
    });
  }

  it("every malformed address is a not-found view, and going on from it works", async () => {
    const page = await signedInPage(browser, app, "demo");
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    for (const address of [
      "/posts/abc",
      "/posts/1.5",
      "/u/sara_k/posts/x",
      "/u/a",
      "/studies/abc",
      "/studies/0/edit",
      "/chat/12abc",
      "/notifications/-1",
      "/mentors/not-a-uuid",
      "/decisions/abc",
      "/settings/nope",
      "/moderation/cases/abc",
    ]) {
      await page.goto(`${app.url}${address}`);
      await page.getByTestId("not-found").waitFor({ timeout: 5_000 });
      expect(await page.getByTestId("error-page").count(), address).toBe(0);
    }
    await page.screenshot({ path: screenshotPath("newcomer-03-not-found") });
    // From a malformed post address to a real one, in the app.
    await page.goto(`${app.url}/posts/abc`);
    await page.getByTestId("not-found").waitFor();
    await page.getByRole("link", { name: "Back to the feed" }).click();
    await page.locator('[data-testid="post-list"] li').first().click();
    await page.locator("#post-title").waitFor();
    expect(await page.getByTestId("not-found").count()).toBe(0);
    // Beside an empty list the detail pane gives no keys to move through it.
    await page.goto(`${app.url}/studies?tag=no-such-tag`);
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.getByText("j / k to move").count()).toBe(0);
    await page.goto(app.url);
    await page.getByText("j / k to move").waitFor();
    await page.locator('[data-testid="post-list"] li').first().click();
    await page.locator("#post-title").waitFor();
    // Esc closes the open item, as Back does.
    await page.keyboard.press("Escape");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a post's code says its language and copies in a click, its table is styled and scrolls, its #tags search (English and Korean)", async () => {
    const { client } = createTestClient(app.url, app.url, await cookieFor(app.db, "demo"));
    const columns = Array.from({ length: 14 }, (_, i) => `column ${i + 1}`);
    const body = [
      "Learned #rust borrowing today.",
      '```rust\nfn main() {\n    println!("hi");\n}\n```',
      [
        `| ${columns.join(" | ")} |`,
        `|${columns.map(() => "---").join("|")}|`,
        `| ${columns.map((_, i) => `value ${i + 1}`).join(" | ")} |`,
      ].join("\n"),
    ].join("\n\n");
    const post = await client.post.create.mutate({ title: "Code, a table and a tag", body });
    for (const language of ["en", "ko"] as const) {
      const english = language === "en";
      const page = await signedInPage(browser, app, "demo", { locale: english ? "en-US" : "ko-KR", width: 900 });
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
      await page.goto(`${app.url}/posts/${post.id}`);
      const block = page.locator(".code-block").first();
      await block.waitFor();
      expect(await block.locator(".code-block__language").textContent()).toBe("rust");
      await block.getByRole("button", { name: english ? "Copy" : "복사" }).click();
      await block.getByText(english ? "Copied" : "복사했어요").waitFor();
      expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe('fn main() {\n    println!("hi");\n}');
      // The wide table scrolls in its own box; the page does not.
      const table = page.locator(".markdown__table");
      expect(await table.evaluate((box) => (box as unknown as { scrollWidth: number }).scrollWidth)).toBeGreaterThan(
        (await table.boundingBox())!.width,
      );
      expect(
        await page.evaluate<boolean>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
      ).toBe(true);
      // Its cells keep their words whole ("column" / "1" at most), not a letter a line.
      expect((await page.locator(".markdown th").first().boundingBox())!.height).toBeLessThan(80);
      await page.screenshot({ path: screenshotPath(`newcomer-15-code-table-tag-${language}`) });
      await page.locator(".markdown a.hashtag").click();
      await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === "#rust");
      await page.context().close();
    }
  });

  it("the ? sheet lists every key by where it works, and g-letter, l and c do what it says (English and Korean)", async () => {
    const { client } = createTestClient(app.url, app.url, await cookieFor(app.db, "sara_k"));
    const post = await client.post.create.mutate({ title: "Keys to like", body: "Press l." });
    for (const language of ["en", "ko"] as const) {
      const english = language === "en";
      const page = await signedInPage(browser, app, "demo", { locale: english ? "en-US" : "ko-KR" });
      await page.keyboard.press("?");
      const sheet = page.getByTestId("shortcuts");
      await sheet.waitFor();
      const text = (await sheet.textContent()) ?? "";
      for (const heading of english
        ? ["Anywhere", "Lists", "Go to (g, then a letter)", "An open post", "Chat"]
        : ["어디서나", "목록", "이동 (g 다음에 글자)", "열린 글", "채팅"]) {
        expect(text).toContain(heading);
      }
      expect(text).toContain(english ? "The conversation above or below" : "위나 아래 대화로 이동");
      await page.screenshot({ path: screenshotPath(`newcomer-16-shortcuts-${language}`) });
      await page.keyboard.press("Escape");
      await sheet.waitFor({ state: "detached" });
      // g, then a letter: a section. "n" alone still writes a post; after "g" it is Notifications.
      await page.keyboard.press("g");
      await page.keyboard.press("c");
      await page.waitForURL((url) => url.pathname === "/chat");
      await page.keyboard.press("g");
      await page.keyboard.press("n");
      await page.waitForURL((url) => url.pathname === "/notifications");
      expect(await page.getByRole("dialog").count()).toBe(0);
      // On a post: l likes it, c goes to the comment box.
      await page.goto(`${app.url}/posts/${post.id}`);
      const like = page.getByTestId("like");
      await like.waitFor();
      expect(await like.getAttribute("aria-pressed")).toBe(english ? "false" : "true");
      const answered = page.waitForResponse((response) => /post\.(un)?like/.test(response.url()));
      await page.keyboard.press("l");
      await expect.poll(() => like.getAttribute("aria-pressed")).toBe(english ? "true" : "false");
      await answered; // stored, not only shown
      await page.keyboard.press("c");
      await expect
        .poll(() => page.evaluate("document.activeElement?.getAttribute('aria-label')"))
        .toBe(english ? "Write a comment" : "댓글 쓰기");
      await page.context().close();
    }
  });

  it("Settings draws its own checkboxes, radios, selects and fieldsets: no raw browser control (light and dark)", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await signedInPage(browser, app, "demo", { colorScheme });
      for (const section of ["notifications", "mentoring", "appearance"]) {
        await page.goto(`${app.url}/settings/${section}`);
        await page.locator("main input, main select").first().waitFor();
        const raw = await page.evaluate<string[]>(`[...document.querySelectorAll(
            'main input[type="checkbox"], main input[type="radio"], main select:not([multiple])'
          )]
          .filter((control) => getComputedStyle(control).appearance !== "none")
          .map((control) => control.outerHTML.slice(0, 80))`);
        expect(raw, section).toEqual([]);
      }
      // On and off look different, in the accent (once the preferences have loaded).
      await page.goto(`${app.url}/settings/notifications`);
      const fills = () =>
        page.evaluate<string[]>(`[...document.querySelectorAll('main input[type="checkbox"]')]
          .map((box) => box.checked + " " + getComputedStyle(box).backgroundColor)`);
      const colours = (all: string[], checked: boolean) =>
        new Set(all.filter((f) => f.startsWith(`${checked} `)).map((f) => f.slice(f.indexOf(" ") + 1)));
      await expect
        .poll(async () => {
          const all = await fills();
          return [colours(all, true).size, colours(all, false).size];
        })
        .toEqual([1, 1]);
      const [on, off] = [colours(await fills(), true), colours(await fills(), false)];
      expect([...on][0]).not.toBe([...off][0]);
      await page.goto(`${app.url}/settings/mentoring`);
      await page.locator("form#mentoring").getByRole("checkbox").first().waitFor();
      await page.screenshot({ path: screenshotPath(`newcomer-17-controls-${colorScheme}`) });
      await page.context().close();
    }
  });

  it("a title of one long word wraps on a desktop and a phone; nothing scrolls sideways", async () => {
    const { client } = createTestClient(app.url, app.url, await cookieFor(app.db, "demo"));
    const word = "Supercalifragilistic".repeat(8);
    const post = await client.post.create.mutate({ title: word, body: `${word} in the body too.` });
    for (const phone of [false, true]) {
      const page = await signedInPage(browser, app, "demo", phone ? { width: 390, height: 844, mobile: true } : {});
      await page.goto(`${app.url}/posts/${post.id}`);
      await page.locator("#post-title").waitFor();
      // Elements that scroll sideways, or reach past the screen's right edge (code blocks may scroll).
      const overflow = await page.evaluate(`(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll("body *")]
          .filter((element) => {
            if (element.closest("pre")) return false;
            const { overflowX } = getComputedStyle(element);
            const scrolls = (overflowX === "auto" || overflowX === "scroll") && element.scrollWidth > element.clientWidth + 1;
            return scrolls || element.getBoundingClientRect().right > width + 1;
          })
          .map((element) => element.tagName + "." + element.className);
      })()`);
      expect(overflow, phone ? "phone" : "desktop").toEqual([]);
      await page.screenshot({ path: screenshotPath(`newcomer-04-long-title-${phone ? "phone" : "desktop"}`) });
      if (!phone) {
        // The feed's row of it too.
        await page.goto(app.url);
        const row = page.locator('[data-testid="post-list"] li').filter({ hasText: word.slice(0, 40) });
        await row.waitFor();
        const box = (await row.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(1280);
      }
      await page.context().close();
    }
  });

  it("the palette opens the person typed, keeps a search's words, and says when results are on their way", async () => {
    const page = await signedInPage(browser, app, "demo");
    await page.locator("[data-overlays-ready]").waitFor({ state: "attached" });
    const input = page.getByPlaceholder("Type a command or search…");

    // Typed and Enter once the person is listed: the person, not "Go to › Search".
    await page.keyboard.press("Control+k");
    await input.fill("sara");
    // In the palette: until the dialog hides the page from assistive tech (a frame after
    // it opens), the feed's rows by Sara are options with that name too.
    await page
      .getByRole("dialog", { name: "Command palette" })
      .getByRole("option", { name: "Sara Kim @sara_k" })
      .waitFor();
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/u/sara_k");

    // The server is slow: the palette says it is looking, and Enter meanwhile searches
    // for what was typed (never an empty Search page).
    await page.route(/\/trpc\/search\./, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      // The page may have gone on (Enter) and dropped the request meanwhile.
      await route.continue().catch(() => undefined);
    });
    await page.keyboard.press("Control+k");
    await input.fill("leo");
    await page.getByRole("status").filter({ hasText: "Looking for people, posts and studies…" }).waitFor();
    await page.screenshot({ path: screenshotPath("newcomer-05-palette-searching") });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toMatch(/\/search\?q=leo$/);
    await expect.poll(() => page.locator(".search__form input").inputValue()).toBe("leo");
    await page.unroute(/\/trpc\/search\./);

    // "Go to › Search" picked for other words takes them along; picked by its name, not.
    await page.keyboard.press("Control+k");
    await input.fill("srch");
    await page.getByRole("option", { name: "Search", exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/search\?q=srch$/);
    await page.keyboard.press("Control+k");
    await input.fill("Sear");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toMatch(/\/search$/);
    await page.context().close();
  });

  it("what cannot be undone asks in the app, says what happens, and starts on Cancel (a post in Korean, a message)", async () => {
    const { client } = createTestClient(app.url, app.url, await cookieFor(app.db, "demo"));
    const post = await client.post.create.mutate({ title: "지울 글", body: "곧 지워요." });
    const page = await signedInPage(browser, app, "demo", { locale: "ko-KR" });
    let nativeDialogs = 0;
    page.on("dialog", (dialog) => {
      nativeDialogs += 1;
      void dialog.dismiss();
    });
    await page.goto(`${app.url}/posts/${post.id}`);
    await page.getByRole("button", { name: "글 삭제" }).click();
    const asking = page.getByRole("dialog", { name: "이 글을 삭제할까요?" });
    await asking.waitFor();
    expect(await asking.textContent()).toContain("되돌릴 수 없어요");
    await expect.poll(() => page.evaluate("document.activeElement?.textContent")).toBe("취소");
    await page.screenshot({ path: screenshotPath("newcomer-06-delete-post-ko") });
    await page.keyboard.press("Enter");
    await asking.waitFor({ state: "detached" });
    expect(await app.db.post.count({ where: { id: post.id, deletedAt: null } })).toBe(1);
    await page.getByRole("button", { name: "글 삭제" }).click();
    await asking.getByRole("button", { name: "글 삭제" }).click();
    await expect.poll(() => app.db.post.count({ where: { id: post.id, deletedAt: null } })).toBe(0);

    // A chat message: no longer deleted at one click.
    await page.goto(`${app.url}/chat`);
    await page.getByTestId("chat-room").first().click();
    await page.getByTestId("chat-input").fill("곧 지울 메시지");
    await page.getByTestId("chat-input").press("Enter");
    const mine = page.locator(".chat__message--mine").filter({ hasText: "곧 지울 메시지" });
    await mine.hover();
    await mine.getByRole("button", { name: "삭제" }).click();
    const askingMessage = page.getByRole("dialog", { name: "이 메시지를 삭제할까요?" });
    await askingMessage.getByRole("button", { name: "삭제" }).click();
    await expect.poll(() => page.getByTestId("chat-messages").textContent()).toContain("삭제된 메시지예요");
    expect(nativeDialogs).toBe(0);
    await page.context().close();
  });

  it("on a phone, writing a post is one tap away on the feed, above the bottom bar", async () => {
    const page = await signedInPage(browser, app, "demo", { width: 390, height: 844, mobile: true });
    const action = page.getByRole("button", { name: "New post" });
    await action.waitFor();
    const button = (await action.boundingBox())!;
    const bar = (await page.locator(".rail").boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(bar.y);
    expect(button.width).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: screenshotPath("newcomer-07-phone-new-post") });
    await action.tap();
    await page.getByRole("dialog", { name: "New post" }).waitFor();
    await page.context().close();
  });
  it("on a phone, the bottom bar shows a member's buttons from the first paint: nothing swaps when auth.me answers", async () => {
    const page = await signedInPage(browser, app, "demo", { width: 390, height: 844, mobile: true });
    const shown = `[...document.querySelectorAll(".rail .rail__item")]
      .filter((item) => item.getClientRects().length > 0)
      .map((item) => item.querySelector(".rail__label")?.textContent ?? "")`;
    const settled = await page.evaluate<string[]>(shown);
    // The answer to "who am I" held back two seconds: what the bar shows meanwhile.
    await page.route(/\/trpc\/[^?]*auth\.me/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue().catch(() => undefined);
    });
    await page.reload();
    await page.locator(".rail .rail__item").first().waitFor();
    expect(await page.getByTestId("account").count()).toBe(0); // still asking
    expect(await page.evaluate<string[]>(shown)).toEqual(settled);
    await page.getByTestId("account").waitFor();
    expect(await page.evaluate<string[]>(shown)).toEqual(settled);
    await page.context().close();
  });
  it("counts speak each language's plural: a row's one like, a grouped row's one other (English and Korean)", async () => {
    const joined = { emailVerifiedAt: new Date() };
    await app.db.user.createMany({
      data: ["plural_pia", "plural_ann", "plural_bo"].map((handle) => ({
        handle,
        displayName: handle.replace("plural_", "").replace(/^./, (c) => c.toUpperCase()),
        email: `${handle}@example.com`,
        ...joined,
      })),
    });
    const as = async (handle: string) => createTestClient(app.url, app.url, await cookieFor(app.db, handle)).client;
    const [pia, ann, bo] = await Promise.all([as("plural_pia"), as("plural_ann"), as("plural_bo")]);
    const liked = await pia.post.create.mutate({ title: "Liked by two", body: "Two people liked this." });
    const once = await pia.post.create.mutate({ title: "Liked by one", body: "One person liked this." });
    await ann.post.like.mutate({ id: liked.id });
    await bo.post.like.mutate({ id: liked.id });
    await ann.post.like.mutate({ id: once.id });
    const expected = {
      en: { row: "1 like, 0 comments", grouped: /^(Ann|Bo) and 1 other liked your post$/ },
      ko: { row: "좋아요 1개, 댓글 0개", grouped: /^(Ann|Bo)님 외 1명이 내 글을 좋아해요$/ },
    };
    for (const language of ["en", "ko"] as const) {
      const page = await signedInPage(browser, app, "plural_pia", { locale: language === "en" ? "en-US" : "ko-KR" });
      await page.goto(`${app.url}/u/plural_pia`);
      const row = page.locator("li", { hasText: "Liked by one" }).locator(".visually-hidden");
      await expect.poll(() => row.textContent()).toBe(expected[language].row);
      await page.goto(`${app.url}/notifications`);
      const sentences = page.locator("main").getByText(expected[language].grouped);
      await sentences.first().waitFor();
      await page.screenshot({ path: screenshotPath(`newcomer-09-plurals-${language}`) });
      await page.context().close();
    }
  });
  it("Back goes through the posts I opened; j moving through the list adds nothing to go back through", async () => {
    const page = await signedInPage(browser, app, "demo");
    await page.goto(`${app.url}/`);
    const rows = page.locator(".pane--list [role=option]");
    await rows.nth(2).waitFor();
    const titleOf = async (index: number) => (await rows.nth(index).locator(".list__title").textContent())!;
    const [first, second, third] = [await titleOf(0), await titleOf(1), await titleOf(2)];
    const shown = () => page.locator("#post-title").textContent();
    await rows.nth(0).click();
    await expect.poll(shown).toBe(first);
    await rows.nth(1).click();
    await expect.poll(shown).toBe(second);
    await page.keyboard.press("j");
    await expect.poll(shown).toBe(third);
    await page.goBack();
    await expect.poll(shown).toBe(first);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    await page.context().close();
  });
  it("finishing touches: a skip link first, an edited post says so, a join date has no clock, search snippets are plain", async () => {
    const { client: demo } = createTestClient(app.url, app.url, await cookieFor(app.db, "demo"));
    const post = await demo.post.create.mutate({
      title: "Touches",
      body: "Plain words about **quokkas** and [a link](https://example.com/q).",
    });
    await demo.post.update.mutate({ id: post.id, title: "Touches", body: `${post.body} Edited.`, imageIds: [] });
    for (const language of ["en", "ko"] as const) {
      const english = language === "en";
      const page = await signedInPage(browser, app, "demo", { locale: english ? "en-US" : "ko-KR" });
      await page.goto(`${app.url}/posts/${post.id}`);
      await page.locator("#post-title").waitFor();
      await page.keyboard.press("Tab");
      const skip = page.locator(".skip-link");
      expect(await page.evaluate(`document.activeElement?.classList.contains("skip-link")`)).toBe(true);
      expect(await skip.textContent()).toBe(english ? "Skip to content" : "본문으로 건너뛰기");
      expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0); // on screen once focused
      await page.keyboard.press("Enter");
      expect(await page.evaluate("document.activeElement?.id")).toBe("content");
      await expect.poll(() => page.locator(".detail__meta").textContent()).toContain(english ? "(edited)" : "(수정됨)");
      await page.screenshot({ path: screenshotPath(`newcomer-11-touches-${language}`) });

      await page.goto(`${app.url}/u/demo`);
      const joined = page.getByText(english ? /^Joined / : / 가입$/);
      await joined.waitFor();
      expect(await joined.textContent()).not.toMatch(/\d{1,2}:\d{2}/);

      await page.goto(`${app.url}/search?q=quokkas`);
      const excerpt = page.getByTestId("search-results").locator(".list__excerpt").first();
      await expect.poll(() => excerpt.textContent()).toContain("quokkas and a link");
      expect(await excerpt.textContent()).not.toMatch(/[*[\]]/);

      // The feed's heading names the page; its tabs name the list (no "Latest" above "Latest").
      await page.goto(app.url);
      const heading = page.locator(".page-header__title").first();
      await expect.poll(() => heading.textContent()).toBe(english ? "Feed" : "피드");
      const selected = await page.getByRole("tab", { selected: true }).textContent();
      expect(selected).toBe(english ? "Latest" : "최신 글");
      await page.context().close();
    }
  });
  it("a pause shows on the bell in the rail, from the moment it is set until it is lifted; the rail's labels fit (English and Korean)", async () => {
    for (const language of ["en", "ko"] as const) {
      const english = language === "en";
      const page = await signedInPage(browser, app, "demo", { locale: english ? "en-US" : "ko-KR" });
      await page.goto(`${app.url}/settings/notifications`);
      const mark = page.locator(".rail").getByTestId("notifications-paused");
      await page.getByRole("button", { name: english ? "Pause all for 1 hour" : "1시간 동안 모두 멈추기" }).click();
      await expect.poll(() => mark.textContent()).toMatch(english ? /^Paused until / : /까지 멈춤$/);
      expect(await page.locator('.rail a[href="/notifications"]').getAttribute("title")).toContain(
        english ? "Paused until" : "까지 멈춤",
      );
      // Every label of the rail on one line, "Notifications" too (it broke inside the word).
      const labelLines = await page.evaluate<number[]>(
        `[...document.querySelectorAll(".rail .rail__label")].map((label) => label.getClientRects().length)`,
      );
      expect(
        labelLines.every((lines) => lines === 1),
        JSON.stringify(labelLines),
      ).toBe(true);
      await page.screenshot({ path: screenshotPath(`newcomer-12-paused-${language}`) });
      await page.getByRole("button", { name: english ? "Resume" : "다시 받기" }).click();
      await expect.poll(() => mark.count()).toBe(0);
      await page.context().close();
    }
  });
  it("mentoring hours start empty and an overlap names the slot it runs into, before saving (English and Korean)", async () => {
    await app.db.user.create({
      data: { handle: "new_mentor", displayName: "New Mentor", email: "nm@example.com", emailVerifiedAt: new Date() },
    });
    for (const language of ["en", "ko"] as const) {
      const english = language === "en";
      const page = await signedInPage(browser, app, "new_mentor", {
        locale: english ? "en-US" : "ko-KR",
        timezoneId: english ? "UTC" : "Asia/Seoul",
      });
      const saves: string[] = [];
      page.on("request", (request) => {
        if (request.url().includes("mentoring.updateSettings")) saves.push(request.url());
      });
      await page.goto(`${app.url}/settings/mentoring`);
      const form = page.locator("form#mentoring");
      await form.getByText(english ? "No times yet" : "아직 시간이 없어요").waitFor();
      expect(await form.getByTestId("slot-row").count()).toBe(0);
      const add = form.getByRole("button", { name: english ? "Add a time" : "시간 추가" });
      await add.click();
      await add.click();
      const second = form.getByTestId("slot-row").nth(1);
      await second.getByLabel(english ? "From" : "시작").selectOption("20:00");
      await second.getByLabel(english ? "To" : "끝").selectOption("22:00");
      await expect
        .poll(() => second.locator(".field__error").textContent())
        .toBe(english ? "Overlaps Mon 19:00–21:00" : "월 19:00–21:00 시간대와 겹쳐요");
      expect(await form.getByTestId("slot-row").first().locator(".field__error").count()).toBe(0);
      await form.getByRole("button", { name: english ? "Save mentoring" : /저장/ }).click();
      await page.screenshot({ path: screenshotPath(`newcomer-13-slots-${language}`) });
      expect(saves).toEqual([]); // refused here, nothing sent
      await second.getByLabel(english ? "Day" : "요일").selectOption({ label: english ? "Wed" : "수" });
      await expect.poll(() => second.locator(".field__error").count()).toBe(0);
      // The zone starts as this device's, in words (a UTC device once showed "Africa/Abidjan",
      // the list's first), and is found by searching, not by scrolling 400 lines.
      const zone = form.getByLabel(english ? "My time zone" : "내 시간대");
      expect(await zone.getAttribute("data-zone")).toBe(english ? "UTC" : "Asia/Seoul");
      expect(await zone.textContent()).toMatch(english ? /^UTC \(GMT\)$/ : /^Seoul \(.+, GMT\+9\)/);
      await zone.click();
      const search = page.getByPlaceholder(english ? "City, zone or offset" : "도시, 시간대 이름, 시차", {
        exact: false,
      });
      await search.fill("berlin");
      const berlin = page.getByRole("option", { name: /^Berlin \(/ });
      await berlin.waitFor();
      await expect.poll(() => page.locator(".popover-panel").getByRole("option").count()).toBe(1);
      await page.screenshot({ path: screenshotPath(`newcomer-14-zone-search-${language}`) });
      await berlin.click();
      await expect.poll(() => zone.getAttribute("data-zone")).toBe("Europe/Berlin");
      expect(await zone.textContent()).toMatch(/^Berlin \(/);
      await page.context().close();
    }
  });

  it("every section opens under one header (the same title size, on one line, its actions at the end) and its cards under one heading style (English and Korean)", async () => {
    for (const language of ["en", "ko"] as const) {
      const page = await signedInPage(browser, app, "demo", { locale: language === "en" ? "en-US" : "ko-KR" });
      const sizes = new Set<string>();
      const cardLooks = new Set<string>();
      for (const path of [
        "/",
        "/chat",
        "/studies",
        "/mentors",
        "/notifications",
        "/mentoring",
        "/settings",
        "/welcome",
      ]) {
        await page.goto(`${app.url}${path}`);
        const title = page.locator(".page-header__title").first();
        await title.waitFor();
        expect(await page.locator(".page-header").count(), path).toBe(1);
        const look = await page.evaluate<{ fontSize: string; lines: number; level: string }>(`(() => {
          const title = document.querySelector(".page-header__title");
          const style = getComputedStyle(title);
          return {
            fontSize: style.fontSize,
            lines: Math.round(title.getBoundingClientRect().height / parseFloat(style.lineHeight)),
            level: title.tagName,
          };
        })()`);
        // "Conversations" broke inside the word beside the chat's buttons.
        expect(look, `${path} (${language})`).toMatchObject({ lines: 1, level: "H1" });
        sizes.add(look.fontSize);
        // Actions sit at the end of the header: beside the title, or under it when they do not fit.
        const actions = page.locator(".page-header__actions");
        if (await actions.count()) {
          const end = await page.evaluate<number>(`(() => {
            const header = document.querySelector(".page-header");
            return header.getBoundingClientRect().right - parseFloat(getComputedStyle(header).paddingRight);
          })()`);
          const box = (await actions.boundingBox())!;
          expect(Math.abs(box.x + box.width - end), path).toBeLessThan(2);
        }
        if (path === "/mentors") {
          // The mentors' list is a list of cards, not an indented bulleted list.
          const list = page.getByTestId("mentors");
          await list.waitFor();
          const listStyle = await page.evaluate(`(() => {
            const style = getComputedStyle(document.querySelector('[data-testid="mentors"]'));
            return [style.paddingLeft, style.listStyleType];
          })()`);
          expect(listStyle).toEqual(["0px", "none"]);
        }
        if (path === "/chat") await page.screenshot({ path: screenshotPath(`newcomer-18-header-chat-${language}`) });
        // Cards (studies, mentors, people to follow) head with one style.
        if (["/studies", "/mentors", "/welcome"].includes(path)) {
          await page.locator(".card__title").first().waitFor();
          const cardTitles = await page.evaluate<string[]>(`[...document.querySelectorAll(".card__title")].map((el) => {
            const style = getComputedStyle(el);
            return style.fontSize + " " + style.fontWeight;
          })`);
          for (const look of cardTitles) cardLooks.add(look);
        }
      }
      expect([...sizes]).toHaveLength(1);
      expect([...cardLooks]).toEqual(["16px 600"]);
      await page.context().close();
    }
  });
});
