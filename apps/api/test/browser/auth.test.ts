import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import sharp from "sharp";
import { browserAvailable, screenshotPath, newContext } from "../helpers/browser.js";

describe.skipIf(!browserAvailable())("signing up, out and in, in Chromium", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const person = { email: "haneul@example.com", password: "climb together", handle: "haneul", name: "하늘" };

  beforeAll(async () => {
    env = await openBrowserApp({ env: { DEV_OUTBOX_PAGE: "true" } });

    ({ app, browser } = env);
    const context = await newContext(browser, {
      viewport: { width: 1280, height: 800 },
      locale: "en-US",
      colorScheme: "light",
    });
    page = await context.newPage();
  });
  afterAll(() => env?.close());

  it("signs up with the code from the mail", async () => {
    await page.goto(`${app.url}/signup`);
    await page.getByLabel("E-mail").fill(person.email);
    await page.getByLabel("Password").fill("short");
    await page.getByLabel("Handle").fill(person.handle);
    await page.getByLabel("Name").fill(person.name);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.locator(".field__error").first().textContent()).toMatch(/8 characters/);
    await page.screenshot({ path: screenshotPath("auth-01-sign-up-errors") });

    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByLabel("6-digit code").waitFor();
    // Read the code where a developer would: the outbox page of the single-machine run.
    const outbox = await page.context().newPage();
    await outbox.goto(`${app.url}/dev/outbox`);
    const newest = outbox.locator("article").first();
    expect(await newest.textContent()).toContain(`to ${person.email}`);
    const code = /\b(\d{6})\b/.exec((await newest.locator("strong").textContent()) ?? "")![1]!;
    await outbox.screenshot({ path: screenshotPath("auth-02a-dev-outbox") });
    await outbox.close();
    await page.getByLabel("6-digit code").fill(code);
    await page.screenshot({ path: screenshotPath("auth-02-sign-up-code") });
    await page.getByRole("button", { name: "Confirm and create account" }).click();
    await page.locator('[data-testid="account"]').waitFor();
    expect(await page.locator('[data-testid="account"] .avatar').getAttribute("aria-label")).toBe(
      "Signed in as @haneul",
    );
    // First steps: people to follow (the seeded community), studies, the profile.
    await page.waitForURL(/\/welcome$/);
    const welcome = page.getByTestId("welcome");
    await welcome.getByRole("heading", { name: "Welcome, 하늘!" }).waitFor();
    const people = welcome.locator(".welcome__person");
    await people.first().waitFor();
    expect(await people.count()).toBeGreaterThan(1);
    await page.screenshot({ path: screenshotPath("auth-03-welcome") });
    const first = people.first();
    const handle = (await first.locator(".muted").first().textContent())!.split(" ")[0]!.slice(1);
    await first.getByRole("button", { name: "Follow" }).click();
    await expect.poll(() => first.getByTestId("follow").getAttribute("aria-pressed")).toBe("true");
    await welcome.getByRole("button", { name: "Go to my feed" }).click();
    // Following someone, the feed opens on Following.
    await page.waitForURL(/\?feed=following$/);
    const followee = await app.db.user.findUniqueOrThrow({ where: { handle } });
    const me = await app.db.user.findUniqueOrThrow({ where: { handle: person.handle } });
    // The button turns at once and the follow is sent meanwhile: it lands (a loaded CI
    // run read the table before the request had committed).
    await expect.poll(() => app.db.follow.count({ where: { followerId: me.id, followeeId: followee.id } })).toBe(1);
    await page.screenshot({ path: screenshotPath("auth-03b-signed-in") });
  });

  it("signs out and is anonymous afterwards", async () => {
    // Sign-out is in the account menu, a step away from a stray click.
    await page.getByTestId("account").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Sign in" }).waitFor();
    expect(await page.locator('[data-testid="account"]').count()).toBe(0);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "orgo_session")).toBeUndefined();
  });

  it("refuses a wrong password with the generic message, then signs in", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("E-mail").fill(person.email);
    await page.getByLabel("Password").fill("not my password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Wrong e-mail or password");
    await page.screenshot({ path: screenshotPath("auth-04-sign-in-wrong-password") });
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator('[data-testid="account"]').waitFor();
    const session = (await page.context().cookies()).find((c) => c.name === "orgo_session")!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Lax");
  });

  it("shows this device among the sessions and changes the password", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    const sessions = page.locator('[data-testid="sessions"] li');
    await expect.poll(() => sessions.count()).toBe(1);
    expect(await sessions.first().textContent()).toContain("This device");
    expect(await sessions.first().textContent()).toContain("Chrome");

    const form = page.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill("wrong one");
    await form.getByLabel("New password").fill("an even longer one");
    await form.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => form.locator(".field__error").first().textContent()).toBe("The current password is wrong");
    await form.getByLabel("Current password").fill(person.password);
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Password changed" }).waitFor();
    await page.screenshot({ path: screenshotPath("auth-05-settings-sessions-password"), fullPage: true });
  });

  it("changes the picture with a preview and progress, edits the profile and shows it publicly", async () => {
    await page.goto(`${app.url}/settings`);
    const editor = page.getByTestId("avatar-editor");
    await editor.waitFor();
    expect(await editor.locator("img").count()).toBe(0);
    const picture = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 250, g: 170, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    await page.locator("#avatar-file").setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: picture });
    await page.getByRole("status").filter({ hasText: "Picture updated." }).waitFor();
    const src = await editor.locator("img").getAttribute("src");
    expect(src).toMatch(/^\/uploads\/avatars\/[\w-]+\.webp$/);
    await expect
      .poll(() => editor.locator("img").evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(256);
    // The rail shows the new picture too.
    expect(await page.getByTestId("account").locator("img").getAttribute("src")).toBe(src);
    await page.screenshot({ path: screenshotPath("auth-06-settings-avatar") });

    // Not an image: a clear message, and the old picture stays.
    await page
      .locator("#avatar-file")
      .setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") });
    await expect.poll(() => editor.getByRole("alert").textContent()).toMatch(/JPEG, PNG/);
    expect(await editor.locator("img").getAttribute("src")).toBe(src);

    await page.getByLabel("Name").fill("하늘 Kim");
    await page.getByLabel("About you").fill("Learning TypeScript, one bug at a time.");
    await page.getByRole("form", { name: "Profile" }).getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Profile saved." }).waitFor();

    await page.getByTestId("account").click();
    await page.getByRole("menuitem", { name: "Profile" }).click();
    await page.waitForURL(/\/u\/haneul$/);
    await expect.poll(() => page.locator(".profile h1").textContent()).toBe("하늘 Kim");
    expect(await page.locator(".profile__bio").textContent()).toBe("Learning TypeScript, one bug at a time.");
    expect(await page.locator(".profile").textContent()).not.toContain(person.email);
    await page.screenshot({ path: screenshotPath("auth-07-profile") });
  });

  it("resets a forgotten password through the mailed link, which then no longer works", async () => {
    await page.getByTestId("account").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Sign in" }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("E-mail").fill(person.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByRole("status").filter({ hasText: "a link is on its way" }).waitFor();
    await page.screenshot({ path: screenshotPath("auth-08-forgot-password") });

    const link = /https?:\/\/\S+#token=\S+/.exec(app.outbox!.messages.at(-1)!.text)![0];
    await page.goto(link);
    await page.getByLabel("New password").fill("a fresh start");
    await page.screenshot({ path: screenshotPath("auth-09-reset-password") });
    await page.getByRole("button", { name: "Set the password and sign in" }).click();
    await page.getByTestId("account").waitFor();

    await page.goto(link);
    await page.getByLabel("New password").fill("try it twice");
    await page.getByRole("button", { name: "Set the password and sign in" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/already used/);
  });

  it("deletes the account after the handle and password are confirmed", async () => {
    await page.goto(`${app.url}/settings`);
    await page.getByRole("button", { name: "Delete my account…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete account" });
    await dialog.getByLabel("Type your handle").fill(person.handle);
    await dialog.getByLabel("Your password").fill("not the password");
    await dialog.getByRole("button", { name: "Delete forever" }).click();
    await expect.poll(() => dialog.locator(".field__error").textContent()).toBe("The password is wrong");
    await dialog.getByLabel("Your password").fill("a fresh start");
    await page.screenshot({ path: screenshotPath("auth-10-delete-account") });
    await dialog.getByRole("button", { name: "Delete forever" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Sign in" }).waitFor();
    expect(await app.db.user.count({ where: { handle: person.handle } })).toBe(0);
  });
});

describe.skipIf(!browserAvailable())("GitHub and Google buttons in Chromium", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    env = await openBrowserApp({
      seed: false,
      env: { GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret" },
    });

    ({ app, browser } = env);
  });
  afterAll(() => env?.close());

  it("shows only the configured provider, and explains a cancelled sign-in in Korean", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "ko-KR" });
    await page.goto(`${app.url}/signin?oauth=cancelled`);
    await page.getByRole("link", { name: "GitHub로 계속하기" }).waitFor();
    expect(await page.getByRole("link", { name: "Google로 계속하기" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "GitHub로 계속하기" }).getAttribute("href")).toBe("/auth/github");
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("로그인을 취소했어요");
    await page.screenshot({ path: screenshotPath("auth-11-sign-in-providers-cancelled-ko") });

    // A server error message arrives translated too.
    await page.getByLabel("이메일").fill("nobody@example.com");
    await page.getByLabel("비밀번호").fill("whatever1");
    await page.getByRole("button", { name: "로그인" }).click();
    await expect.poll(() => page.locator(".form__error").textContent()).toBe("이메일 또는 비밀번호가 맞지 않아요");
  });
});
