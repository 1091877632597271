import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { browserAvailable, screenshotPath, signedInPage } from "../helpers/browser.js";

/** The journey: A opens a study of 2 seats, B joins, C waits, B leaves, C is promoted and told. */
describe.skipIf(!browserAvailable())("study groups in Chromium", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let a: Page;
  let b: Page;
  let c: Page;
  let studyUrl = "";

  // The open study (the list beside it has badges too).
  const seats = (page: Page) => page.getByTestId("study").getByTestId("study-seats").textContent();

  beforeAll(async () => {
    env = await openBrowserApp();

    ({ app, browser } = env);
    [a, b, c] = [
      await signedInPage(browser, app, "sara_k"),
      await signedInPage(browser, app, "jiwoo"),
      await signedInPage(browser, app, "leo_builds"),
    ];
  });
  afterAll(() => env?.close());

  it("A creates a study with 2 seats, tags and dates", async () => {
    await a.goto(`${app.url}/studies`);
    await a.getByRole("link", { name: "New study" }).click();
    await a.getByLabel("Title").fill("SQL 튜닝 스터디");
    await a.getByLabel("Description (Markdown)").fill("매주 **EXPLAIN** 하나씩.");
    await a.getByLabel("Starts").fill("2099-03-10");
    await a.getByLabel("Ends").fill("2099-04-10");
    await a.getByLabel("Seats, you included").fill("2");
    const tag = a.getByLabel("Tags (up to 10)");
    await tag.fill("Postgres");
    await tag.press("Enter");
    await tag.fill("sql");
    await tag.press("Enter");
    await a.screenshot({ path: screenshotPath("studies-01-create") });
    await a.getByRole("button", { name: "Create study" }).click();
    await a.waitForURL(/\/studies\/\d+$/);
    studyUrl = a.url();
    await expect
      .poll(() => a.getByTestId("study").getByRole("heading", { level: 1 }).textContent())
      .toBe("SQL 튜닝 스터디");
    expect(await a.getByTestId("study").getByTestId("study-status").textContent()).toBe("Recruiting");
    expect(await seats(a)).toBe("1/2 seats");
    // Dates in the reader's words, not ISO; the zone (this device's, chosen by default) named.
    const when = await a.getByTestId("study").locator("p.muted").first().textContent();
    expect(when).toMatch(/Mar 10\s*–\s*Apr 10, 2099/);
    expect(when).not.toContain("2099-03-10");
    expect(await a.locator(".study-badges").count()).toBeGreaterThan(0);
    await a.screenshot({ path: screenshotPath("studies-02-created") });
  });

  it("B finds it in the grid and takes the last seat; the study is full, its waitlist open", async () => {
    // A talks in the room before B comes: for B that is history to read, not news.
    await a.goto(`${app.url}/chat`);
    await a.getByTestId("chat-room").filter({ hasText: "SQL 튜닝 스터디" }).click();
    await a.getByTestId("chat-input").fill("Welcome, whoever joins!");
    await a.getByTestId("chat-input").press("Enter");
    await expect.poll(() => a.getByTestId("chat-messages").textContent()).toContain("Welcome, whoever joins!");
    await b.goto(`${app.url}/studies?tag=postgres`);
    await b
      .getByTestId("studies")
      .getByRole("option", { name: /SQL 튜닝 스터디/ })
      .click();
    await b.getByRole("button", { name: "Join" }).click();
    await expect.poll(() => seats(b)).toBe("2/2 seats");
    // Not "Closed": a full study with a line to stand in says so.
    expect(await b.getByTestId("study").getByTestId("study-status").textContent()).toBe("Full · waitlist open");
    await b.getByRole("button", { name: "Leave the study" }).waitFor();
    await b.screenshot({ path: screenshotPath("studies-03-b-joined") });
    // The room joined with the seat: in B's list, its message there but nothing unread,
    // and no toast announced it.
    await b.goto(`${app.url}/chat`);
    const row = b.getByTestId("chat-room").filter({ hasText: "SQL 튜닝 스터디" });
    await expect.poll(() => row.textContent()).toContain("Welcome, whoever joins!");
    expect(await row.locator(".badge").count()).toBe(0);
    expect(await b.locator("[data-sonner-toast]").filter({ hasText: "Welcome, whoever joins!" }).count()).toBe(0);
    await b.goto(studyUrl);
    await b.getByRole("button", { name: "Leave the study" }).waitFor();
  });

  it("C finds it full and joins the waitlist", async () => {
    await c.goto(studyUrl);
    expect(await c.getByTestId("study").getByTestId("study-status").textContent()).toBe("Full · waitlist open");
    expect(await c.getByRole("button", { name: "Join", exact: true }).count()).toBe(0);
    await c.getByRole("button", { name: "Join the waitlist" }).click();
    await expect.poll(() => c.getByTestId("study-actions").textContent()).toContain("#1 on the waitlist");
    await c.screenshot({ path: screenshotPath("studies-04-c-waitlisted") });
  });

  it("B leaves (asked first, told what happens to the seat), C is promoted at once and is told", async () => {
    await b.getByRole("button", { name: "Leave the study" }).click();
    const asking = b.getByRole("dialog", { name: "Leave this study?" });
    await asking.waitFor();
    expect(await asking.textContent()).toContain("Your seat goes to the first person on the waitlist");
    // Focus starts on Cancel: Enter alone never leaves.
    await expect.poll(() => b.evaluate("document.activeElement?.textContent")).toBe("Cancel");
    await b.screenshot({ path: screenshotPath("studies-05a-b-asked-to-leave") });
    await asking.getByRole("button", { name: "Leave the study" }).click();
    await b.getByRole("button", { name: "Join the waitlist" }).waitFor();
    expect(await asking.count()).toBe(0);
    // C's page changes by itself, live: no reload, no polling.
    await expect.poll(() => c.getByRole("button", { name: "Leave the study" }).count(), { timeout: 3_000 }).toBe(1);
    await expect.poll(() => c.getByTestId("study-members").textContent()).toContain("Leo Park");
    await c.screenshot({ path: screenshotPath("studies-05-c-promoted") });
    await c.goto(`${app.url}/notifications`);
    await expect
      .poll(() => c.getByTestId("notifications").locator("li").first().textContent())
      .toContain("A seat freed up: you moved from the waitlist into the study");
    await c.screenshot({ path: screenshotPath("studies-06-c-notified") });
    const room = await app.db.chatMember.findMany({ where: { room: { study: { title: "SQL 튜닝 스터디" } } } });
    const members = await app.db.studyMember.findMany({ where: { study: { title: "SQL 튜닝 스터디" } } });
    expect(room.map((m) => m.userId).sort()).toEqual(members.map((m) => m.userId).sort());
  });

  it("a leader sets weekly sessions (an overlap named before saving); the study shows them, the next session and an .ics (English and Korean)", async () => {
    await a.goto(`${studyUrl}/edit`);
    const add = a.getByRole("button", { name: "Add a time" });
    await add.click();
    const rows = a.getByTestId("slot-row");
    await rows.nth(0).getByLabel("Day").selectOption({ label: "Tue" });
    await add.click();
    await rows.nth(1).getByLabel("Day").selectOption({ label: "Tue" });
    await rows.nth(1).getByLabel("From").selectOption("20:00");
    await rows.nth(1).getByLabel("To").selectOption("22:00");
    await expect.poll(() => rows.nth(1).getByRole("alert").textContent()).toBe("Overlaps Tue 19:00–21:00");
    await a.getByRole("button", { name: "Save changes" }).click();
    // Not sent: the focus is on the row to mend.
    expect(new URL(a.url()).pathname).toMatch(/\/edit$/);
    await rows.nth(1).getByLabel("Day").selectOption({ label: "Thu" });
    await a.screenshot({ path: screenshotPath("studies-07-schedule-form") });
    await a.getByRole("button", { name: "Save changes" }).click();
    await a.waitForURL(/\/studies\/\d+$/);
    const schedule = a.getByTestId("study").getByTestId("study-schedule");
    await expect
      .poll(() => schedule.locator("p").first().textContent())
      .toMatch(/^Tue 19:00–21:00, Thu 20:00–22:00 \(/);
    // 10 March 2099 is a Tuesday: the first session, in the reader's zone (the study's here).
    expect(await schedule.getByTestId("next-session").textContent()).toBe("Next session: Tue, Mar 10, 07:00 PM");
    const download = a.waitForEvent("download");
    await schedule.getByRole("button", { name: "Add to calendar (.ics)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^orgo-study-\d+\.ics$/);
    const { readFile } = await import("node:fs/promises");
    const content = await readFile(await file.path(), "utf8");
    expect(content.match(/BEGIN:VEVENT/g)?.length).toBe(10);
    expect(content).toContain(`URL:${studyUrl}`);
    await a.screenshot({ path: screenshotPath("studies-08-schedule") });
    // The grid's card says when it meets next too.
    await a.goto(`${app.url}/studies?tag=postgres`);
    await expect
      .poll(() => a.getByTestId("studies").getByTestId("next-session").first().textContent())
      .toMatch(/^Next session: /);

    const korean = await signedInPage(browser, app, "minjun_dev", { locale: "ko-KR" });
    await korean.goto(studyUrl);
    const koSchedule = korean.getByTestId("study").getByTestId("study-schedule");
    await expect.poll(() => koSchedule.locator("p").first().textContent()).toMatch(/^화 19:00–21:00, 목 20:00–22:00 /);
    expect(await koSchedule.getByTestId("next-session").textContent()).toMatch(/^다음 모임: /);
    await koSchedule.getByRole("button", { name: "캘린더에 추가 (.ics)" }).waitFor();
    await korean.screenshot({ path: screenshotPath("studies-09-schedule-ko") });
    await korean.context().close();
  });
});
