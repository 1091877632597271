import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { cookieFor } from "./sessions.js";
import { repoRoot } from "../../src/platform/config/config.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const screenshotDir = path.join(repoRoot, "test-results", "screenshots");
export const webDistDir = path.join(repoRoot, "apps", "web", "dist");

/** Whether browser tests can run here; in CI they must, so a missing browser fails. */
export function browserAvailable(): boolean {
  const ok = existsSync(executablePath) && existsSync(path.join(webDistDir, "index.html"));
  if (!ok && process.env.CI === "true") {
    throw new Error(`CI=true but Chromium (${executablePath}) or the built SPA (${webDistDir}) is missing`);
  }
  return ok;
}

/** Playwright gives every launch a fresh, empty profile of its own. */
export function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function screenshotPath(name: string): string {
  return path.join(screenshotDir, `${name}.png`);
}

/**
 * A browser context without service workers: the installed app has its own journey
 * (installed-app.test.ts); elsewhere a service worker would serve assets past
 * page.route and answer the outage tests' navigations from its cache.
 */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ serviceWorkers: "block", ...options });
}

/** A browser context of its own, signed in as `handle` by its session cookie, on the app's home page. */
export async function signedInPage(
  browser: Browser,
  app: RunningApp,
  handle: string,
  options: {
    locale?: string;
    colorScheme?: "light" | "dark";
    width?: number;
    height?: number;
    timezoneId?: string;
    /** A phone: touch, mobile viewport. */
    mobile?: boolean;
  } = {},
): Promise<Page> {
  const context = await newContext(browser, {
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    ...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    locale: options.locale ?? "en-US",
    colorScheme: options.colorScheme ?? "light",
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const token = (await cookieFor(app.db, handle)).split("=")[1]!;
  await context.addCookies([{ name: "orgo_session", value: token, url: app.url, httpOnly: true }]);
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByTestId("account").waitFor();
  return page;
}

/**
 * The browser's side of desktop notifications, stubbed for a context's pages: the
 * tab is hidden while `window.__hidden` is true, permission is granted, and each
 * notification asked for is recorded in `window.__notes` ({ title, body }) and its tag
 * in `window.__noteTags`. Applies to pages loaded (or reloaded) after the call.
 */
export async function stubDesktopNotifications(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: `
      window.__hidden = false;
      window.__notes = [];
      window.__noteTags = [];
      Object.defineProperty(Document.prototype, "visibilityState", {
        configurable: true,
        get: () => (window.__hidden ? "hidden" : "visible"),
      });
      window.Notification = class {
        static permission = "granted";
        static requestPermission() { return Promise.resolve("granted"); }
        constructor(title, options) {
          window.__notes.push({ title, body: options && options.body });
          window.__noteTags.push(options && options.tag);
        }
        close() {}
      };`,
  });
}
