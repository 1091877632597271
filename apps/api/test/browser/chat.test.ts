import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { browserAvailable, screenshotPath, signedInPage, stubDesktopNotifications } from "../helpers/browser.js";

/** Two people chat in two browsers: Leo in English and light, Sara in Korean and dark. */
describe.skipIf(!browserAvailable())("chat between two people, in Chromium", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let leo: Page;
  let sara: Page;

  beforeAll(async () => {
    env = await openBrowserApp();

    ({ app, browser } = env);
    // Leo follows Sara in the demo data.
    leo = await signedInPage(browser, app, "leo_builds", { locale: "en-US", height: 820 });
    sara = await signedInPage(browser, app, "sara_k", { locale: "ko-KR", colorScheme: "dark", height: 820 });
  });
  afterAll(() => env?.close());

  it("Leo opens a conversation from Sara's profile", async () => {
    await leo.goto(`${app.url}/u/sara_k`);
    await leo.getByTestId("message-button").click();
    await leo.waitForURL(/\/chat\/\d+$/);
    await leo.getByTestId("chat-messages").getByText("No messages yet. Say hello!").waitFor();
    await expect.poll(() => leo.getByTestId("chat-rooms").textContent()).toContain("Sara Kim");
  });

  it("Sara sees Leo typing, then his message, live and unread", async () => {
    await sara.goto(`${app.url}/chat`);
    await expect.poll(() => sara.getByTestId("chat-rooms").textContent()).toContain("Leo Park");
    // Leo has a tab open: his dot is green in Sara's list; Jiwoo's (no tab) is grey.
    const leoRow = sara.getByTestId("chat-room").filter({ hasText: "Leo Park" });
    await expect.poll(() => leoRow.getByTestId("presence").getAttribute("data-state")).toBe("online");
    await expect
      .poll(() =>
        sara.getByTestId("chat-room").filter({ hasText: "김지우" }).getByTestId("presence").getAttribute("data-state"),
      )
      .toBe("offline");
    await leoRow.click();
    // The conversation is open (its history shown, its live stream starting) before Leo types.
    await sara.getByTestId("chat-messages").getByText("아직 메시지가 없어요. 인사해 보세요!").waitFor();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await leo.getByTestId("chat-input").pressSequentially("Hi Sara! Want to pair on the ");
    await expect
      .poll(() => sara.getByTestId("typing").textContent(), { timeout: 4_000 })
      .toContain("Leo Park 님이 입력 중…");
    await leo.getByTestId("chat-input").pressSequentially("`EXPLAIN` output tonight?");
    await leo.getByTestId("chat-input").press("Enter");
    await expect.poll(() => sara.getByTestId("chat-messages").textContent()).toContain("Want to pair on the");
    await expect.poll(() => sara.getByTestId("typing").textContent()).toBe("");
    // Her room list hears it too ("room list changed"): the message as the room's last, in
    // plain text (no Markdown marks), and how long ago.
    await expect.poll(() => leoRow.textContent()).toContain("Hi Sara! Want to pair on the EXPLAIN output tonight?");
    expect(await leoRow.locator("time").textContent()).toBe("지금");
    await sara.screenshot({ path: screenshotPath("chat-01-sara-ko-dark") });
  });

  it("Leo sees that Sara read it, and her reply with highlighted code", async () => {
    await expect.poll(() => leo.getByTestId("read-mark").textContent()).toBe("Read");
    await sara.getByTestId("chat-input").fill("좋아요! 이 쿼리부터 봐요:\n\n```sql\nexplain analyze select 1;\n```");
    await sara.getByTestId("chat-input").press("Enter");
    await leo.locator(".chat__bubble pre code.hljs").waitFor();
    await leo.screenshot({ path: screenshotPath("chat-02-leo-en-light") });
    // Muting is a toggle that says which way it is, and goes back.
    await leo.getByRole("button", { name: "Mute", exact: true }).click();
    const unmute = leo.getByRole("button", { name: "Unmute", exact: true });
    await unmute.waitFor();
    expect(await unmute.getAttribute("aria-pressed")).toBe("true");
    await unmute.click();
    await leo.getByRole("button", { name: "Mute", exact: true }).waitFor();
  });

  it("keeps the conversation across a reload, and edits the last message with ↑", async () => {
    await leo.reload();
    await expect.poll(() => leo.getByTestId("chat-messages").textContent()).toContain("explain analyze select 1;");
    const input = leo.getByTestId("chat-input");
    await input.focus();
    await input.press("ArrowUp");
    await expect.poll(() => input.inputValue()).toBe("Hi Sara! Want to pair on the `EXPLAIN` output tonight?");
    await input.fill("Hi Sara! Want to pair on `EXPLAIN ANALYZE` tonight?");
    await input.press("Enter");
    await expect.poll(() => sara.getByTestId("chat-messages").textContent()).toContain("(수정됨)");
  });

  it("goes back to the conversation from the command palette", async () => {
    await leo.goto(app.url);
    await leo.getByTestId("account").waitFor();
    await leo.keyboard.press("Control+k");
    await leo.keyboard.type("Message @sara");
    // The palette lists conversations once the room list has loaded: Enter picks the
    // highlighted one, so wait until it is there and highlighted (a busy machine was slower).
    const option = leo.getByRole("option", { name: /^Message @sara/ });
    await expect.poll(() => option.getAttribute("aria-selected"), { timeout: 10_000 }).toBe("true");
    await leo.keyboard.press("Enter");
    await leo.waitForURL(/\/chat\/\d+$/);
    await expect.poll(() => leo.getByTestId("chat-messages").textContent()).toContain("explain analyze select 1;");
  });

  it("sends a picture, shown in the conversation on both sides", async () => {
    const picture = await sharp({ create: { width: 320, height: 200, channels: 3, background: "#2f6df6" } })
      .png()
      .toBuffer();
    await leo
      .getByTestId("chat-picture-input")
      .setInputFiles({ name: "plan.png", mimeType: "image/png", buffer: picture });
    await expect
      .poll(() => leo.getByTestId("chat-attachments").locator("img").getAttribute("src"))
      .toMatch(/^\/uploads\//);
    await leo.getByTestId("chat-input").press("Enter");
    await expect.poll(() => sara.locator(".chat__images img").count()).toBe(1);
    await expect.poll(() => leo.locator(".chat__images img").count()).toBe(1);
  });

  it("shows a desktop notification for a new message while the tab is hidden", async () => {
    // The browser's side stubbed: a hidden tab, and a Notification that records what it was asked to show.
    await stubDesktopNotifications(sara.context());
    await sara.goto(`${app.url}/chat`);
    await sara.getByTestId("chat-room").first().waitFor();
    await sara.evaluate("window.__hidden = true");
    await leo.getByTestId("chat-input").fill("Are you still there?");
    await leo.getByTestId("chat-input").press("Enter");
    await expect
      .poll(() => sara.evaluate("window.__notes"))
      .toEqual([{ title: "Leo Park", body: "Are you still there?" }]);
  });
});
