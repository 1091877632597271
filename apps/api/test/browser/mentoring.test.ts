import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { browserAvailable, screenshotPath, signedInPage } from "../helpers/browser.js";

/**
 * The journey: a learner (English, in Seoul) finds a mentor by topic and asks
 * for two times; the mentor (Korean, dark) accepts one; both see the meeting and the
 * room and chat; after the meeting the learner rates it and the review shows.
 */
describe.skipIf(!browserAvailable())("mentoring in Chromium", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let learner: Page;
  let mentor: Page;
  let meetingId = 0;

  beforeAll(async () => {
    env = await openBrowserApp();

    ({ app, browser } = env);
    learner = await signedInPage(browser, app, "jiwoo", { timezoneId: "Asia/Seoul" });
    mentor = await signedInPage(browser, app, "leo_builds", {
      locale: "ko-KR",
      colorScheme: "dark",
      timezoneId: "Europe/Berlin",
    });
  });
  afterAll(() => env?.close());

  it("the learner finds a mentor by topic and asks for two of their free times", async () => {
    await learner.getByRole("link", { name: "Mentors" }).click();
    await learner.getByLabel("Topic").selectOption("react");
    await expect.poll(() => learner.getByTestId("mentors").locator("li").count()).toBe(1);
    await learner
      .getByTestId("mentors")
      .getByRole("option", { name: /leo_builds/ })
      .click();
    const detail = learner.getByTestId("mentor-detail");
    await expect.poll(() => detail.getByRole("heading", { level: 2 }).textContent()).toBe("Leo Park");
    // The mentor's zone in words, not its IANA id.
    expect(await detail.textContent()).toMatch(
      /Weekly availability · Berlin \(Central European (Standard )?Time, GMT\+[12]\)/,
    );
    // The pitch is Markdown, rendered.
    await detail.locator(".mentor-detail__pitch strong").filter({ hasText: "TypeScript" }).waitFor();
    await learner.screenshot({ path: screenshotPath("mentoring-01-mentor-en") });

    await detail.getByRole("button", { name: "Ask for mentoring" }).click();
    const form = learner.getByTestId("request-form");
    await form.getByLabel("Topic").selectOption("react");
    await form.getByLabel("What do you want help with?").fill("My **useEffect** runs twice. Can we look at it?");
    // Times are offered in the learner's own zone.
    expect(await form.textContent()).toContain("shown in your time zone, Seoul");
    // A week of their free times, a column a day; "Next free" picks the earliest.
    const times = form.getByTestId("free-time");
    expect(await form.getByTestId("picked-count").textContent()).toBe("None picked yet (up to 3)");
    await form.getByTestId("next-free").click();
    await expect.poll(() => times.nth(0).getAttribute("aria-pressed")).toBe("true");
    // The next week's first free time (this week may have only one left, late on a
    // Sunday), then back: the first pick is still there.
    await form.getByRole("button", { name: "Later week" }).click();
    await expect.poll(() => times.nth(0).getAttribute("aria-pressed")).toBe("false");
    await times.nth(0).click();
    expect(await form.getByTestId("picked-count").textContent()).toBe("2 picked (up to 3)");
    await form.getByRole("button", { name: "Earlier week" }).click();
    await expect.poll(() => times.nth(0).getAttribute("aria-pressed")).toBe("true");
    // This week (when it has a free time left): the days gone are dimmed, today is marked.
    if (await form.locator('[aria-current="date"]').count()) {
      const weekday = await learner.evaluate(() => (new Date().getDay() + 6) % 7);
      expect(await form.locator(".week-picker__day.is-past").count()).toBe(weekday);
    }
    await learner.screenshot({ path: screenshotPath("mentoring-02-request-en") });
    await form.getByRole("button", { name: "Send request" }).click();
    await detail.getByRole("link", { name: /Your request is waiting/ }).waitFor();
  });

  it("the mentor, in Korean, accepts the second time; both see the meeting and the room", async () => {
    // The learner watches their waiting request; it leaves the list live when answered.
    // My mentoring opens on it: nothing waits in "To me (as a mentor)" for a learner.
    await learner.goto(`${app.url}/mentoring`);
    await learner.getByTestId("request-card").waitFor();
    expect(await learner.getByLabel("Requests").inputValue()).toBe("outgoing");
    await mentor.goto(`${app.url}/mentoring`);
    const card = mentor.getByTestId("request-card");
    await card.waitFor();
    expect(await card.textContent()).toContain("useEffect");
    await mentor.screenshot({ path: screenshotPath("mentoring-03-request-ko") });
    const accepts = card.getByRole("button", { name: /수락$/ });
    expect(await accepts.count()).toBe(2);
    await accepts.nth(1).click();
    const meeting = mentor.getByTestId("meeting-card");
    await meeting.waitFor();
    meetingId = Number((await meeting.getAttribute("id"))!.replace("meeting-", ""));
    const stored = await app.db.mentorMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    const request = await app.db.mentorRequest.findUniqueOrThrow({ where: { id: stored.requestId } });
    expect(stored.startsAt).toEqual(request.proposedTimes[1]);
    await mentor.screenshot({ path: screenshotPath("mentoring-04-meeting-ko") });
    await expect.poll(() => learner.getByTestId("request-card").count()).toBe(0);

    // Told in their notifications, with the meeting's time in their zone.
    await learner.goto(`${app.url}/notifications`);
    const told = learner
      .getByTestId("notifications")
      .locator("li")
      .filter({ hasText: "Leo Park accepted your mentoring request" });
    await told.waitFor();
    const inSeoul = new Intl.DateTimeFormat("en-US", {
      weekday: "short",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Asia/Seoul",
    }).format(stored.startsAt);
    expect(await told.textContent()).toContain(inSeoul);
    await learner.goto(`${app.url}/mentoring?tab=meetings`);
    await learner.getByTestId("meeting-card").waitFor();
    expect(await learner.getByTestId("meeting-card").textContent()).toContain("Leo Park");
    // The mentor's own time beside mine (Seoul vs Berlin), and no call link yet, said as such.
    const meetingCard = learner.getByTestId("meeting-card");
    const inBerlin = new Intl.DateTimeFormat("en-US", {
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Berlin",
    }).format(stored.startsAt);
    expect(await meetingCard.getByTestId("mentors-time").textContent()).toBe(` · ${inBerlin} for Leo Park (Berlin)`);
    expect(await meetingCard.getByTestId("meeting-place-missing").textContent()).toBe(
      "No call link yet: Leo Park will add one. Until then you meet in the chat.",
    );
    // Cancelling asks in the app, for the reason the mentor is told; nothing happens until it is given.
    await meetingCard.getByRole("button", { name: "Cancel meeting" }).click();
    const asking = learner.getByRole("dialog", { name: "Cancel this meeting?" });
    await asking.waitFor();
    expect(await asking.getByRole("button", { name: "Cancel meeting" }).isDisabled()).toBe(true);
    await asking.getByLabel("Why do you cancel?").fill("Something came up");
    expect(await asking.getByRole("button", { name: "Cancel meeting" }).isDisabled()).toBe(false);
    await learner.screenshot({ path: screenshotPath("mentoring-05b-cancel-asks-en") });
    await learner.keyboard.press("Escape");
    await asking.waitFor({ state: "detached" });

    // The mentor is asked for a call link (Korean); once saved the learner has it.
    const mentorCard = mentor.getByTestId("meeting-card");
    expect(await mentorCard.getByTestId("meeting-place-missing").textContent()).toContain("통화 링크");
    await mentorCard.getByLabel("만남 링크 (선택, https://)").fill("https://meet.example.com/leo");
    await mentorCard.getByRole("button", { name: "링크 저장" }).click();
    await mentorCard.getByTestId("meeting-link").waitFor();
    await mentor.screenshot({ path: screenshotPath("mentoring-05c-call-link-ko") });
    await learner.reload();
    await expect
      .poll(() => meetingCard.getByTestId("meeting-link").getAttribute("href"))
      .toBe("https://meet.example.com/leo");
    expect((await app.db.mentorMeeting.findUniqueOrThrow({ where: { id: meetingId } })).cancelledAt).toBeNull();

    await learner.goto(app.url);
    await learner.getByTestId("mentoring-panel").getByText("Upcoming meetings").waitFor();
    await learner.screenshot({ path: screenshotPath("mentoring-05-home-en") });
  });

  it("they chat in the room the meeting opened (they do not follow each other)", async () => {
    await learner.goto(`${app.url}/mentoring?tab=meetings`);
    await learner.getByTestId("meeting-card").getByRole("link", { name: "Open chat" }).click();
    await learner.getByTestId("chat-input").fill("Thanks Leo! See you then.");
    await learner.getByTestId("chat-input").press("Enter");
    await mentor.getByTestId("meeting-card").getByRole("link", { name: "채팅 열기" }).click();
    await mentor.getByText("Thanks Leo! See you then.").first().waitFor();
    await mentor.getByTestId("chat-input").fill("좋아요, 그때 봬요 👋");
    await mentor.getByTestId("chat-input").press("Enter");
    await learner.getByText("좋아요, 그때 봬요 👋").first().waitFor();
    await mentor.screenshot({ path: screenshotPath("mentoring-06-chat-ko") });
  });

  it("after the meeting the learner rates it once, and the review shows on the mentor's profile", async () => {
    // The meeting's time moved into the past (the test's clock, not a sleep).
    await app.db.mentorMeeting.update({
      where: { id: meetingId },
      data: { startsAt: new Date(Date.now() - 2 * 3600_000) },
    });
    await learner.goto(`${app.url}/mentoring?tab=meetings&scope=past`);
    const form = learner.getByTestId("rating-form");
    await form.waitFor();
    await form.getByRole("radio", { name: "4 of 5" }).check({ force: true });
    await form.getByLabel("Comment (optional)").fill("Found the double render in ten minutes.");
    await form.getByLabel("Show my comment on the mentor's profile").check();
    await learner.screenshot({ path: screenshotPath("mentoring-07-rate-en") });
    await form.getByRole("button", { name: "Send rating" }).click();
    await learner.getByText("You rated it 4 of 5").waitFor();
    expect(await learner.getByTestId("rating-form").count()).toBe(0);

    await mentor.goto(
      `${app.url}/mentors/${(await app.db.user.findUniqueOrThrow({ where: { handle: "leo_builds" } })).id}`,
    );
    const detail = mentor.getByTestId("mentor-detail");
    await detail.getByText("Found the double render in ten minutes.").waitFor();
    expect(await detail.textContent()).toContain("★ 4 (1)");
    await mentor.screenshot({ path: screenshotPath("mentoring-08-profile-ko") });
    // The mentor's public profile links to their mentoring page with the rating.
    await learner.goto(`${app.url}/u/leo_builds`);
    await expect.poll(() => learner.getByTestId("mentor-link").textContent()).toBe("Mentor ★ 4");
  });
});
