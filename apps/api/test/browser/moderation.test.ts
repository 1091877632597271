import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { browserAvailable, screenshotPath, signedInPage } from "../helpers/browser.js";
import { cookieFor } from "../helpers/sessions.js";
import { rawTrpc } from "../helpers/raw-trpc.js";

/**
 * The journey: a member reports a post (English, light); a moderator on
 * another screen (Korean, dark) sees it arrive live and hides it with a reason; the
 * author sees the notice and appeals; the reporter is told. Screenshots of each step.
 */
describe.skipIf(!browserAvailable())("reports and moderation in Chromium", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let reporter: Page;
  let moderator: Page;
  let author: Page;
  let postId = 0;
  const title = "Cheap followers, click here";

  beforeAll(async () => {
    env = await openBrowserApp();
    ({ app, browser } = env);
    const leo = rawTrpc(app.url, { cookie: await cookieFor(app.db, "leo_builds") });
    const created = await leo.mutate("post.create", { title, body: "Buy **10,000 followers** today.", imageIds: [] });
    postId = (created.body as { result: { data: { json: { id: number } } } }).result.data.json.id;
    [reporter, moderator, author] = [
      await signedInPage(browser, app, "jiwoo"),
      await signedInPage(browser, app, "mina_mod", { locale: "ko-KR", colorScheme: "dark" }),
      await signedInPage(browser, app, "leo_builds"),
    ];
  });
  afterAll(() => env?.close());

  it("shows the moderator an empty queue, in Korean, and the rail's Moderation link", async () => {
    await moderator.getByRole("link", { name: "운영" }).click();
    await moderator.waitForURL(/\/moderation$/);
    await moderator.getByText("검토할 것이 없어요").waitFor();
    // Members have no such link.
    expect(await reporter.getByRole("link", { name: "Moderation" }).count()).toBe(0);
    await moderator.screenshot({ path: screenshotPath("moderation-01-empty-queue-ko-dark") });
  });

  it("a member reports the post with a reason and a note", async () => {
    await reporter.goto(`${app.url}/posts/${postId}`);
    await reporter.getByRole("button", { name: "Report this post" }).click();
    const dialog = reporter.getByRole("dialog", { name: "Report this post" });
    await dialog.getByLabel("Spam or advertising").check();
    await dialog.getByLabel("Anything moderators should know? (optional)").fill("Same link posted in three studies.");
    await reporter.screenshot({ path: screenshotPath("moderation-02-report-dialog-en-light") });
    await dialog.getByRole("button", { name: "Send report" }).click();
    await dialog.waitFor({ state: "detached" });
    await reporter.getByText("Thank you. Moderators will look at it").waitFor();
  });

  it("the moderator sees it arrive live, opens it, and hides the post with a reason", async () => {
    const row = moderator.getByTestId("queue").getByRole("option", { name: new RegExp(title) });
    await row.waitFor();
    expect(await row.textContent()).toContain("스팸 또는 광고");
    await moderator.screenshot({ path: screenshotPath("moderation-03-queue-live-ko-dark") });
    await row.click();
    const kase = moderator.getByTestId("case");
    await kase.getByText("Same link posted in three studies.").waitFor();
    await kase.getByRole("button", { name: "이 건 맡기" }).click();
    await kase.getByText("내가 맡은 건이에요.").waitFor();
    await kase.getByLabel("숨기기").check();
    await kase.getByLabel("사유 (저장되며 작성자에게 보여요)").fill("광고 글은 올릴 수 없어요 (규칙 2)");
    await moderator.screenshot({ path: screenshotPath("moderation-04-case-ko-dark") });
    await kase.getByRole("button", { name: "결정하기" }).click();
    await kase.getByText("결정이 끝난 건이에요.").waitFor();
    expect(await kase.getByTestId("case-now").textContent()).toContain("운영진이 숨김");
  });

  it("others no longer see the post; its author sees it marked, with the reason, and is notified", async () => {
    await reporter.goto(`${app.url}/posts/${postId}`);
    await reporter.getByText("This was hidden by moderators").waitFor();
    await author.goto(`${app.url}/notifications`);
    const notice = author
      .getByTestId("notifications")
      .getByRole("option", { name: /Moderators hid something you wrote/ });
    await notice.waitFor();
    await author.goto(`${app.url}/posts/${postId}`);
    const banner = author.getByRole("note");
    await banner.getByText("광고 글은 올릴 수 없어요 (규칙 2)", { exact: false }).waitFor();
    await author.screenshot({ path: screenshotPath("moderation-05-author-banner-en-light") });
  });

  it("the author appeals once, from the decision", async () => {
    await author.getByRole("link", { name: "See the decision" }).click();
    await author.waitForURL(/\/decisions\/\d+$/);
    const decision = author.getByTestId("decision");
    expect(await decision.getByTestId("decision-reason").textContent()).toBe("광고 글은 올릴 수 없어요 (규칙 2)");
    await decision.getByLabel("Why should it be undone?").fill("I was sharing a course, not selling followers.");
    await decision.getByRole("button", { name: "Send appeal" }).click();
    await expect
      .poll(() => decision.getByTestId("appeal-state").textContent())
      .toBe("Your appeal is waiting for a moderator.");
    expect(await decision.getByRole("button", { name: "Send appeal" }).count()).toBe(0);
    await author.screenshot({ path: screenshotPath("moderation-06-appeal-sent-en-light") });
  });

  it("the reporter is told that action was taken, and sees it in My reports", async () => {
    await reporter.goto(`${app.url}/notifications`);
    await reporter
      .getByTestId("notifications")
      .getByRole("option", { name: /Your report was reviewed: action was taken/ })
      .waitFor();
    await reporter.goto(`${app.url}/settings/reports`);
    const mine = reporter.getByTestId("my-reports");
    await expect.poll(() => mine.textContent()).toContain("Action taken");
    expect(await mine.textContent()).toContain(title);
    await reporter.screenshot({ path: screenshotPath("moderation-07-my-reports-en-light") });
  });

  it("the appeal reaches the moderator's queue live", async () => {
    await moderator.goto(`${app.url}/moderation`);
    const appeal = moderator.getByTestId("queue").getByRole("option", { name: new RegExp(`이의 신청.*${title}`) });
    await appeal.waitFor();
    await appeal.click();
    await moderator.getByTestId("case").getByText("I was sharing a course, not selling followers.").waitFor();
    await moderator.screenshot({ path: screenshotPath("moderation-08-appeal-ko-dark") });
  });

  it("an admin sees today's numbers, makes a moderator, and finds each step in the audit log", async () => {
    const admin = await signedInPage(browser, app, "ara_admin");
    await admin.getByRole("link", { name: "Admin" }).click();
    await admin.waitForURL(/\/admin\/dashboard$/);
    const dashboard = admin.getByTestId("dashboard");
    // Drawn (a flat line of zeros has no height, so "attached" rather than "visible").
    await dashboard.locator(".recharts-line-curve").first().waitFor({ state: "attached" });
    expect(await dashboard.locator(".recharts-line-curve").count()).toBe(6);
    const today = dashboard.getByTestId("per-day").locator("tbody tr").first();
    // Columns: sign-ups, active, posts, messages, reports opened, reports decided.
    await expect.poll(async () => (await today.locator("td").allTextContents()).slice(4)).toEqual(["1", "1"]);
    expect(await dashboard.getByTestId("most-reported").textContent()).toContain(title);
    await admin.screenshot({ path: screenshotPath("moderation-09-admin-dashboard-en-light"), fullPage: true });

    await admin.getByRole("link", { name: "Moderators" }).click();
    await admin.getByLabel("Handle").fill("@sara_k");
    await admin.getByLabel("Reason (stored in the audit log)").fill("Helps in the Korean studies");
    await admin.getByRole("button", { name: "Make moderator" }).click();
    await expect.poll(() => admin.getByTestId("staff").textContent()).toContain("@sara_k");

    await admin.getByRole("link", { name: "Audit log" }).click();
    const log = admin.getByTestId("audit");
    await expect.poll(() => log.textContent()).toContain("Helps in the Korean studies");
    expect(await log.textContent()).toContain("광고 글은 올릴 수 없어요 (규칙 2)");
    await admin.getByLabel("By (handle)").fill("mina_mod");
    await expect.poll(() => log.locator("tbody tr").count()).toBe(1);
    await admin.screenshot({ path: screenshotPath("moderation-10-admin-audit-en-light") });
  });
});
