import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { browserAvailable, screenshotPath, signedInPage } from "../helpers/browser.js";
import { rawTrpc } from "../helpers/raw-trpc.js";

type LogLine = {
  msg: string;
  kind?: string;
  route?: string;
  release?: string;
  requestId?: string;
  err?: { message?: string; stack?: string };
};

/** A page that throws while rendering: a friendly page, the shell still working, and the error in the server's log. */
describe.skipIf(!browserAvailable())("client errors, in Chromium", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  const logged: LogLine[] = [];
  const clientErrors = () => logged.filter((line) => line.msg === "client error");

  beforeAll(async () => {
    env = await openBrowserApp({
      env: { LOG_LEVEL: "warn" },
      logDestination: { write: (line: string) => void logged.push(JSON.parse(line) as LogLine) },
    });

    ({ app, browser } = env);
  });
  afterAll(() => env?.close());

  it("shows a friendly page with a reference, keeps the shell, and logs the error with release and route", async () => {
    const page = await signedInPage(browser, app, "jiwoo", { locale: "en-US" });
    // A date that cannot be formatted: every date on screen throws while rendering.
    await page.evaluate(`
      const original = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, "format").get;
      Object.defineProperty(Intl.DateTimeFormat.prototype, "format", {
        configurable: true,
        get() {
          if (window.__boom) throw new Error("Boom in render");
          return original.call(this);
        },
      });`);
    await page.getByTestId("post-list").locator("li").first().waitFor();
    await page.evaluate("window.__boom = true");
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByTestId("error-page").waitFor();
    const reference = page.getByTestId("error-reference");
    await reference.waitFor();
    const shownReference = await reference.textContent();
    await page.screenshot({ path: screenshotPath("errors-01-render-failed") });
    // The shell still works: the rail takes me elsewhere, and that page renders.
    await page.evaluate("window.__boom = false");
    await page.getByRole("link", { name: "Search" }).click();
    await page.getByRole("searchbox", { name: "Search posts and people" }).waitFor();
    expect(await page.getByTestId("error-page").count()).toBe(0);

    await expect.poll(() => clientErrors().length).toBeGreaterThanOrEqual(1);
    const line = clientErrors()[0]!;
    expect(line).toMatchObject({ kind: "render", route: "/settings", requestId: shownReference });
    expect(line.err?.message).toBe("Boom in render");
    expect(line.err?.stack).toContain("Components:");
    expect(line.release).toMatch(/^[0-9a-f]{12}$|^unknown$/);
  });

  it("takes a few reports a minute from one address, then answers 429", async () => {
    const api = rawTrpc(app.url);
    const report = { kind: "uncaught", message: "loop", route: "/", release: "test" };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await api.mutate("system.reportClientError", report)).status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
    expect((await api.mutate("system.reportClientError", { ...report, message: "x".repeat(1_001) })).status).toBe(400);
  });
});
