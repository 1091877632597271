import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../src/app.js";
import { startTestApp } from "./helpers/app.js";
import { browserAvailable, launchBrowser, screenshotPath, webDistDir } from "./helpers/browser.js";

describe.skipIf(!browserAvailable())("signing up, out and in, in Chromium", () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const person = { email: "haneul@example.com", password: "climb together", handle: "haneul", name: "하늘" };

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({ databaseUrl: fresh.url, webDistDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "en-US", colorScheme: "light" });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fresh?.drop();
  });

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
    const mail = app.outbox!.messages.at(-1)!;
    expect(mail.to).toBe(person.email);
    const code = /\b(\d{6})\b/.exec(mail.subject)![1]!;
    await page.getByLabel("6-digit code").fill(code);
    await page.screenshot({ path: screenshotPath("auth-02-sign-up-code") });
    await page.getByRole("button", { name: "Confirm and create account" }).click();
    await page.locator('[data-testid="account"]').waitFor();
    expect(await page.locator('[data-testid="account"] .avatar').getAttribute("aria-label")).toBe(
      "Signed in as @haneul",
    );
    await page.screenshot({ path: screenshotPath("auth-03-signed-in") });
  });

  it("signs out and is anonymous afterwards", async () => {
    await page.locator('[data-testid="account"]').getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    expect(await page.locator('[data-testid="account"]').count()).toBe(0);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "orgo_session")).toBeUndefined();
  });

  it("refuses a wrong password with the generic message, then signs in", async () => {
    await page.getByRole("link", { name: "Sign in" }).click();
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

    await page.getByLabel("Current password").fill("wrong one");
    await page.getByLabel("New password").fill("an even longer one");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.locator(".field__error").first().textContent()).toBe("The current password is wrong");
    await page.getByLabel("Current password").fill(person.password);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Password changed" }).waitFor();
    await page.screenshot({ path: screenshotPath("auth-05-settings-sessions-password"), fullPage: true });
  });
});
