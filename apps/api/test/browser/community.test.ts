import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { browserAvailable, screenshotPath, signedInPage } from "../helpers/browser.js";

/** The community journey of the issue: A posts with an image and code, B finds, comments and likes, A is notified. */
describe.skipIf(!browserAvailable())("two people in the community, in Chromium", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let a: Page;
  let b: Page;

  beforeAll(async () => {
    env = await openBrowserApp();

    ({ app, browser } = env);
    a = await signedInPage(browser, app, "sara_k", { locale: "en-US" });
    b = await signedInPage(browser, app, "jiwoo", { locale: "ko-KR" });
  });
  afterAll(() => env?.close());

  it("A writes a post with an image and a fenced code block, previewed first", async () => {
    await a.keyboard.press("n");
    const dialog = a.getByRole("dialog", { name: "New post" });
    await dialog.getByLabel("Title").fill("Trigram search in Postgres");
    await dialog
      .getByLabel("What did you learn?")
      .fill(
        "pg_trgm makes `ILIKE` fast:\n\n```sql\ncreate extension pg_trgm;\n```\n\nSee [the docs](https://www.postgresql.org/docs/current/pgtrgm.html).",
      );
    // The toolbar marks the selected word bold; Ctrl+Z takes it back; Ctrl+B does it again.
    const text = dialog.getByLabel("What did you learn?");
    const selectFirstWord = () =>
      text.evaluate((el) =>
        (el as unknown as { setSelectionRange(a: number, b: number): void }).setSelectionRange(0, 7),
      );
    await selectFirstWord();
    await dialog.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Bold" }).click();
    await expect.poll(() => text.inputValue()).toMatch(/^\*\*pg_trgm\*\* makes/);
    await text.press("Control+z");
    await expect.poll(() => text.inputValue()).toMatch(/^pg_trgm makes/);
    await selectFirstWord();
    await text.press("Control+b");
    await expect.poll(() => text.inputValue()).toMatch(/^\*\*pg_trgm\*\* makes/);
    const picture = await sharp({ create: { width: 900, height: 500, channels: 3, background: "#36c" } })
      .png()
      .toBuffer();
    await a.locator("#composer-images").setInputFiles({ name: "plan.png", mimeType: "image/png", buffer: picture });
    await expect
      .poll(() => dialog.getByTestId("image-tray").locator("img").getAttribute("src"))
      .toMatch(/^\/uploads\//);
    await dialog.getByRole("tab", { name: "Preview" }).click();
    await dialog.getByTestId("composer-preview").locator("pre code.hljs").waitFor();
    await a.screenshot({ path: screenshotPath("community-01-composer-preview") });
    await dialog.getByRole("button", { name: "Publish" }).click();

    await expect.poll(() => a.locator("#post-title").textContent()).toBe("Trigram search in Postgres");
    const body = a.locator(".detail__body");
    await body.locator("pre code").waitFor();
    expect(await body.locator("pre code").textContent()).toContain("create extension pg_trgm;");
    expect(await body.locator("a").getAttribute("rel")).toBe("noopener nofollow ugc");
    await expect.poll(() => a.locator(".detail__images img").count()).toBe(1);
    expect(await body.locator("strong").first().textContent()).toBe("pg_trgm");
    // Its row in the feed shows the picture, as a small square thumbnail (not the 1,600 px original).
    const thumb = a
      .getByTestId("post-list")
      .locator("li", { hasText: "Trigram search in Postgres" })
      .getByTestId("post-thumb");
    await expect
      .poll(() => thumb.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(256);
    await a.screenshot({ path: screenshotPath("community-02-post-published") });
    // The picture opens large; Esc closes it and focus goes back to the picture.
    const open = a.getByRole("button", { name: "Open picture 1 of 1" });
    await open.click();
    const lightbox = a.getByRole("dialog", { name: "Picture 1 of 1" });
    await lightbox.getByTestId("lightbox").locator("img").waitFor();
    await a.screenshot({ path: screenshotPath("community-02b-lightbox") });
    await a.keyboard.press("Escape");
    await lightbox.waitFor({ state: "detached" });
    // Focus comes back as the dialog unmounts (a moment after it leaves the page), and
    // the post stays open: the dialog's Esc is not also the pane's.
    await expect
      .poll(() => a.evaluate<string | null>(`document.activeElement?.getAttribute("aria-label")`))
      .toBe("Open picture 1 of 1");
    expect(new URL(a.url()).pathname).toMatch(/^\/posts\/\d+$/);
  });

  it("B finds it through search, in Korean UI, with the match highlighted", async () => {
    await b.goto(`${app.url}/search`);
    await b.getByRole("searchbox", { name: "글과 사람 검색" }).fill("TRIGRAM");
    await b.getByRole("button", { name: "검색", exact: true }).click();
    const results = b.getByTestId("search-results");
    await expect.poll(() => results.locator("li").first().textContent()).toContain("Trigram search in Postgres");
    expect(await results.locator("mark").first().textContent()).toBe("Trigram");
    await b.screenshot({ path: screenshotPath("community-03-search") });
    await results.locator("li").first().click();
    await expect.poll(() => b.locator("#post-title").textContent()).toBe("Trigram search in Postgres");
  });

  it("B likes and comments", async () => {
    const like = b.getByTestId("like");
    await like.click();
    await expect.poll(() => like.getAttribute("aria-pressed")).toBe("true");
    await b.getByLabel("댓글 쓰기").fill("덕분에 검색이 빨라졌어요!");
    await b.getByRole("button", { name: "댓글 달기" }).click();
    await expect.poll(() => b.getByTestId("comments").textContent()).toContain("덕분에 검색이 빨라졌어요!");
    await b.screenshot({ path: screenshotPath("community-04-like-and-comment") });
    // A, still reading the post, hears of both at once: no reload, no polling. The
    // comment appears in place and the counts move.
    await expect.poll(() => a.getByTestId("unread").textContent(), { timeout: 3_000 }).toBe("2");
    expect(await a.title()).toMatch(/^\(\d+\) OrGo$/);
    await expect
      .poll(() => a.getByTestId("comments").textContent(), { timeout: 3_000 })
      .toContain("덕분에 검색이 빨라졌어요!");
    await expect.poll(() => a.getByTestId("like").textContent(), { timeout: 3_000 }).toContain("1");
    expect(await a.locator(".detail__actions").textContent()).toContain("Comments 1");
    await a.screenshot({ path: screenshotPath("community-04b-live-comment-in-open-post") });
    // No toast about the post A is reading: she sees the comment arrive in place.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await a.locator("[data-sonner-toast]").count()).toBe(0);
  });

  it("A sees the notifications, and opening one leads to the post", async () => {
    await a.goto(`${app.url}/notifications`);
    const list = a.getByTestId("notifications");
    await expect
      .poll(() => list.locator("li").allTextContents())
      .toEqual([
        expect.stringContaining("김지우 commented on your post"),
        expect.stringContaining("김지우 liked your post"),
      ]);
    await expect.poll(() => a.getByTestId("unread").textContent()).toBe("2");
    // The comment's notice tells what was said; the like's has nothing to quote.
    const rows = list.locator("li");
    expect(await rows.nth(0).locator(".notification__excerpt").textContent()).toBe("덕분에 검색이 빨라졌어요!");
    expect(await rows.nth(1).locator(".notification__excerpt").count()).toBe(0);
    await a.screenshot({ path: screenshotPath("community-05-notifications") });
    await list.locator("li").first().click();
    await expect.poll(() => a.locator("#post-title").textContent()).toBe("Trigram search in Postgres");
    // "commented on your post" opens at the comment, marked for a moment and in view.
    const focused = a.getByTestId("comments").locator("li.is-focused");
    await focused.waitFor();
    expect(await focused.getAttribute("id")).toMatch(/^comment-\d+$/);
    expect(await focused.isVisible()).toBe(true);
    await a.screenshot({ path: screenshotPath("community-05b-notification-at-comment") });
    await expect.poll(() => a.getByTestId("unread").textContent()).toBe("1");
  });

  it("B edits the comment; A follows B from B's profile, and sees it in B's followers", async () => {
    const comments = b.getByTestId("comments");
    // Edit is in the comment's "…" menu (with copy link and delete), like and reply beside it.
    await comments.getByRole("button", { name: "김지우님 댓글의 다른 동작" }).click();
    await b.getByRole("menuitem", { name: "수정" }).click();
    await b.getByLabel("댓글 수정").fill("덕분에 검색이 정말 빨라졌어요!");
    await b.getByRole("button", { name: "저장" }).click();
    await expect.poll(() => comments.textContent()).toContain("정말 빨라졌어요!");
    await expect.poll(() => comments.textContent()).toContain("(수정됨)");

    await a.goto(`${app.url}/u/jiwoo`);
    const follow = a.getByTestId("follow");
    // The demo data has Sara following 지우 already: unfollow, then follow again.
    await expect.poll(() => follow.getAttribute("aria-pressed")).toBe("true");
    await follow.click();
    await expect.poll(() => follow.getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => a.getByRole("tab", { name: /Followers/ }).textContent()).toBe("Followers · 1");
    await follow.click();
    await expect.poll(() => follow.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => a.getByRole("tab", { name: /Followers/ }).textContent()).toBe("Followers · 2");
    await a.getByRole("tab", { name: /Followers/ }).click();
    await expect.poll(() => a.getByTestId("followers").textContent()).toContain("Sara Kim");
    await a.screenshot({ path: screenshotPath("community-06-profile-followers") });
  });
});
