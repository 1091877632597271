import type { Browser } from "playwright-core";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { startTestApp } from "../helpers/app.js";
import { launchBrowser, webDistDir } from "../helpers/browser.js";

export interface BrowserApp {
  fresh: FreshDatabase;
  /** The real app serving the built SPA, on a free port. */
  app: RunningApp;
  /** Chromium with a fresh profile of its own. */
  browser: Browser;
  /** Stops the app (an outage); `startApp` brings one back on the same database. */
  stopApp(): Promise<void>;
  startApp(options?: AppOptions): Promise<RunningApp>;
  /** Browser, app and database, in that order; safe to call after a failed start. */
  close(): Promise<void>;
}

/**
 * The browser lane's one fixture: a fresh database cloned from the template, the real
 * server against it serving the built SPA, and Chromium. Made in a file's beforeAll,
 * closed in its afterAll.
 */
type AppOptions = Omit<Parameters<typeof startTestApp>[0], "databaseUrl">;

export async function openBrowserApp(options: AppOptions = {}): Promise<BrowserApp> {
  const fresh = await freshDatabase();
  let app: RunningApp | undefined;
  try {
    app = await startTestApp({ databaseUrl: fresh.url, webDistDir, ...options });
    const browser = await launchBrowser();
    let running: RunningApp | null = app;
    const env: BrowserApp = {
      fresh,
      app,
      browser,
      async stopApp() {
        await running?.stop();
        running = null;
      },
      async startApp(again = options) {
        await env.stopApp();
        running = env.app = await startTestApp({ databaseUrl: fresh.url, webDistDir, ...again });
        return running;
      },
      async close() {
        await browser.close();
        await env.stopApp();
        await fresh.drop();
      },
    };
    return env;
  } catch (error) {
    await app?.stop();
    await fresh.drop();
    throw error;
  }
}
