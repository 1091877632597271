import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { cookieFor } from "../helpers/sessions.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { browserAvailable, screenshotPath, signedInPage } from "../helpers/browser.js";

/**
 * A post's comments as people use them (issue 25's "lighter comment actions", "likes
 * on comments", "copy link / share on posts"): like and Reply beside each comment, the
 * rest in its "…" menu, and a post's link one click away.
 */
describe.skipIf(!browserAvailable())("comments: like, reply, and the menu", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    env = await openBrowserApp();
    ({ app, browser } = env);
    await app.db.user.createMany({
      data: [
        { handle: "cm_pia", displayName: "Pia Writer" },
        { handle: "cm_ann", displayName: "Ann Reader" },
        { handle: "cm_bo", displayName: "Bo Liker" },
      ].map((person) => ({
        ...person,
        email: `${person.handle}@example.com`,
        emailVerifiedAt: new Date(),
        // Past a new account's limits on posts and comments.
        createdAt: new Date(Date.now() - 30 * 24 * 3600_000),
      })),
    });
  });
  afterAll(() => env?.close());

  const as = async (handle: string) => createTestClient(app.url, app.url, await cookieFor(app.db, handle)).client;

  it("a comment's like turns at once, stays after a reload, and tells its author (English and Korean)", async () => {
    const [pia, ann] = await Promise.all([as("cm_pia"), as("cm_ann")]);
    const post = await pia.post.create.mutate({ title: "Closures finally clicked", body: "Notes inside." });
    const comment = await ann.comment.create.mutate({ postId: post.id, body: "Same here, thanks!" });

    const page = await signedInPage(browser, app, "cm_bo");
    await page.goto(`${app.url}/posts/${post.id}`);
    const row = page.locator(`#comment-${comment.id}`);
    const like = row.getByTestId("comment-like");
    await like.waitFor();
    expect(await like.getAttribute("aria-label")).toBe("Like (no likes yet)");
    const answered = page.waitForResponse((response) => response.url().includes("comment.like"));
    await like.click();
    await expect.poll(() => like.getAttribute("aria-pressed")).toBe("true");
    expect(await like.getAttribute("aria-label")).toBe("Like (1 like)");
    expect((await like.textContent())?.trim()).toBe("♥ 1");
    await answered;
    // Its actions sit right under its text (a paragraph's margin left a blank line between).
    const body = (await row.locator(".comment__body").first().boundingBox())!;
    const actions = (await row.locator(".comment__actions").first().boundingBox())!;
    expect(actions.y - (body.y + body.height)).toBeLessThan(8);
    await page.screenshot({ path: screenshotPath("comments-01-liked") });
    await page.reload();
    await expect.poll(() => row.getByTestId("comment-like").getAttribute("aria-pressed")).toBe("true");
    await page.context().close();

    // Its author hears of it, in her language.
    for (const [locale, sentence] of [
      ["en-US", "Bo Liker liked your comment"],
      ["ko-KR", "Bo Liker님이 내 댓글을 좋아해요"],
    ] as const) {
      const author = await signedInPage(browser, app, "cm_ann", { locale });
      await author.goto(`${app.url}/notifications`);
      const notice = author.getByTestId("notifications").locator("li", { hasText: sentence });
      await notice.waitFor();
      expect(await notice.locator(".notification__excerpt").textContent()).toBe("Same here, thanks!");
      await notice.click();
      // It opens the post at the comment, marked.
      await author.locator(`#comment-${comment.id}.is-focused`).waitFor();
      await author.context().close();
    }
  });

  it("Reply sits beside each comment; from a reply it starts with the name it answers", async () => {
    const [pia, ann] = await Promise.all([as("cm_pia"), as("cm_ann")]);
    const post = await pia.post.create.mutate({ title: "Reply beside", body: "Ask away." });
    const top = await ann.comment.create.mutate({ postId: post.id, body: "Which book?" });
    const reply = await pia.comment.create.mutate({ postId: post.id, parentId: top.id, body: "Eloquent JavaScript" });
    const page = await signedInPage(browser, app, "cm_bo");
    await page.goto(`${app.url}/posts/${post.id}`);
    await page.locator(`#comment-${reply.id}`).getByRole("button", { name: "Reply" }).click();
    const box = page.getByLabel("Write a reply");
    await expect.poll(() => box.inputValue()).toBe("@cm_pia ");
    // The box has the keyboard, the caret after the name.
    expect(await page.evaluate<string | undefined>("document.activeElement?.getAttribute('aria-label')")).toBe(
      "Write a reply",
    );
    await page.keyboard.type("thanks, ordering it");
    await page.keyboard.press("Control+Enter");
    const replies = page.locator(`#comment-${top.id} .comments__replies .comment__body`);
    await expect.poll(() => replies.allTextContents()).toEqual(["Eloquent JavaScript", "@cm_pia thanks, ordering it"]);
    // Esc on an empty reply box closes it.
    await page.locator(`#comment-${top.id}`).getByRole("button", { name: "Reply" }).first().click();
    await page.getByLabel("Write a reply").press("Escape");
    await page.getByLabel("Write a reply").waitFor({ state: "detached" });
    await page.context().close();
  });

  it("the … menu copies a comment's link, edits and deletes mine (asked first), reports another's (Korean)", async () => {
    const [pia, ann] = await Promise.all([as("cm_pia"), as("cm_ann")]);
    const post = await pia.post.create.mutate({ title: "Menu post", body: "x" });
    const theirs = await pia.comment.create.mutate({ postId: post.id, body: "Pia's note" });
    const mine = await ann.comment.create.mutate({ postId: post.id, body: "Ann's note" });
    const page = await signedInPage(browser, app, "cm_ann", { locale: "ko-KR" });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    await page.goto(`${app.url}/posts/${post.id}`);

    // Someone else's: copy link and report, nothing of the author's.
    await page.getByRole("button", { name: "Pia Writer님 댓글의 다른 동작" }).click();
    const items = page.getByRole("menuitem");
    await expect.poll(() => items.allTextContents()).toEqual([" 링크 복사", " 신고…"]);
    await page.screenshot({ path: screenshotPath("comments-02-menu-ko") });
    await page.getByRole("menuitem", { name: "링크 복사" }).click();
    await page.getByText("링크를 복사했어요").waitFor();
    expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe(
      `${app.url}/posts/${post.id}#comment-${theirs.id}`,
    );

    // Mine: delete asks in the app, starting on Cancel; confirmed, it leaves a placeholder for nobody.
    await page.getByRole("button", { name: "Ann Reader님 댓글의 다른 동작" }).click();
    await expect.poll(() => items.allTextContents()).toEqual([" 링크 복사", " 수정", " 삭제"]);
    await page.getByRole("menuitem", { name: "삭제" }).click();
    const dialog = page.getByRole("dialog", { name: "이 댓글을 삭제할까요?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("되돌릴 수 없어요");
    expect(await page.evaluate<string | undefined>("document.activeElement?.textContent")).toBe("취소");
    await page.screenshot({ path: screenshotPath("comments-03-delete-asks-ko") });
    await dialog.getByRole("button", { name: "삭제" }).click();
    await page.locator(`#comment-${mine.id}`).waitFor({ state: "detached" });
    expect(await page.getByTestId("comments").textContent()).not.toContain("Ann's note");
    await page.context().close();
  });

  it("a post's link copies in a click, in English and Korean", async () => {
    const pia = await as("cm_pia");
    const post = await pia.post.create.mutate({ title: "Share me", body: "A link to pass on." });
    for (const [locale, button, said] of [
      ["en-US", "Copy link", "Link copied"],
      ["ko-KR", "링크 복사", "링크를 복사했어요"],
    ] as const) {
      const page = await signedInPage(browser, app, "cm_bo", { locale });
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
      await page.goto(`${app.url}/posts/${post.id}`);
      await page.locator(".detail__actions").getByRole("button", { name: button }).click();
      await page.getByText(said).waitFor();
      expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe(`${app.url}/posts/${post.id}`);
      await page.context().close();
    }
  });
});
