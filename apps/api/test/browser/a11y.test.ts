import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { cookieFor } from "../helpers/sessions.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { browserAvailable, screenshotPath, newContext } from "../helpers/browser.js";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** axe-core's WCAG 2.x A/AA rules and best practices on the page as it is; answers its violations. */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate<Violation[]>(
    `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)`,
  );
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary.split("\n")[1] ?? v.help}`),
  );
}

describe.skipIf(!browserAvailable())("accessibility (axe-core) of every main screen, light and dark", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  const screens: [name: string, path: string, ready: string][] = [];

  beforeAll(async () => {
    env = await openBrowserApp();

    ({ app, browser } = env);
    // Something on every screen: a study, a conversation, a notification.
    const { client: sara } = createTestClient(app.url, app.url, await cookieFor(app.db, "sara_k"));
    const study = await sara.study.create.mutate({
      title: "SQL on Sundays",
      description: "One chapter a week, **EXPLAIN** included.",
      startsOn: "2099-03-10",
      endsOn: "2099-03-20",
      online: true,
      capacity: 4,
      tags: ["sql"],
    });
    const { client: demo } = createTestClient(app.url, app.url, await cookieFor(app.db, "demo"));
    const post = await demo.post.create.mutate({
      title: "Axe me",
      body: "Contrast **matters**.\n\n```ts\nconst a = 1;\n```",
    });
    await sara.comment.create.mutate({ postId: post.id, body: "Agreed!" });
    const inbox = await demo.chat.inbox.query();
    const room = inbox.rooms[0]!;
    const saraUser = await app.db.user.findUniqueOrThrow({ where: { handle: "leo_builds" } });
    screens.push(
      ["feed", "/", '[data-testid="post-list"] li'],
      ["post", `/posts/${post.id}`, "#post-title"],
      ["studies", "/studies", '[data-testid="studies"] [role="option"]'],
      ["study", `/studies/${study.id}`, '[data-testid="study"]'],
      ["notifications", "/notifications", '[data-testid="notifications"] [role="option"]'],
      ["chat", `/chat/${room.id}`, '[data-testid="chat-input"]'],
      ["mentors", `/mentors/${saraUser.id}`, '[data-testid="mentor-detail"]'],
      ["mentoring", "/mentoring", ".shell:not(.boot) h1"],
      ["search", "/search?q=postgres", '[data-testid="search-results"] li'],
      ["profile", "/u/sara_k", ".profile h1"],
      ["settings", "/settings", ".shell:not(.boot) h1"],
    );
  });
  afterAll(() => env?.close());

  for (const theme of ["light", "dark"] as const) {
    it(`has no violations in the ${theme} theme, signed in and as a visitor`, async () => {
      // axe is injected as a script: the test context may bypass the page's CSP.
      const context = await newContext(browser, {
        viewport: { width: 1280, height: 860 },
        colorScheme: theme,
        bypassCSP: true,
      });
      const token = (await cookieFor(app.db, "demo")).split("=")[1]!;
      await context.addCookies([{ name: "orgo_session", value: token, url: app.url, httpOnly: true }]);
      const page = await context.newPage();
      const found: string[] = [];
      for (const [name, path, ready] of screens) {
        await page.goto(`${app.url}${path}`);
        await page.locator(ready).first().waitFor();
        for (const v of await axe(page)) found.push(`${name}: ${v}`);
        if (name === "feed" || name === "chat")
          await page.screenshot({ path: screenshotPath(`a11y-${theme}-${name}`) });
      }
      // Overlays: the palette and the composer.
      await page.goto(app.url);
      await page.locator('[data-testid="post-list"] li').first().waitFor();
      await page.keyboard.press("Control+k");
      await page.getByPlaceholder("Type a command or search…").waitFor();
      for (const v of await axe(page)) found.push(`palette: ${v}`);
      await page.keyboard.press("Escape");
      await page.keyboard.press("n");
      await page.getByRole("dialog", { name: "New post" }).waitFor();
      for (const v of await axe(page)) found.push(`composer: ${v}`);
      await context.clearCookies();
      for (const [name, path, ready] of [
        ["visitor feed", "/", '[data-testid="post-list"] li'],
        // The app's heading, not the welcome in index.html's static frame.
        ["sign in", "/signin", ".shell:not(.boot) h1"],
        ["sign up", "/signup", ".shell:not(.boot) h1"],
      ] as const) {
        await page.goto(`${app.url}${path}`);
        await page.locator(ready).first().waitFor();
        for (const v of await axe(page)) found.push(`${name}: ${v}`);
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
});
