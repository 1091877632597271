import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { freePort } from "../helpers/processes.js";
import { cookieFor } from "../helpers/sessions.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { browserAvailable, screenshotPath, signedInPage, webDistDir } from "../helpers/browser.js";
import { serveShellOnly } from "../helpers/shell-only-server.js";

describe.skipIf(!browserAvailable())("the client through a server outage", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let port: number;

  beforeAll(async () => {
    port = await freePort();

    env = await openBrowserApp({ env: { PORT: String(port) } });

    ({ app, browser } = env);
    const { client } = createTestClient(app.url, app.url, await cookieFor(app.db, "sara_k"));
    await client.study.create.mutate({
      title: "Online only",
      description: "Meets on a call.",
      startsOn: "2099-03-10",
      endsOn: "2099-03-20",
      online: true,
      capacity: 4,
      tags: ["remote"],
    });
  });
  afterAll(() => env?.close());

  it("says a list could not load (never '0 studies') while the server is away, and fills it in by itself on reconnect", async () => {
    const page = await signedInPage(browser, app, "demo");
    await page.getByRole("link", { name: "Studies" }).click();
    await page.getByTestId("studies").getByRole("option").first().waitFor();

    await env.stopApp();
    // The browser has a network: OrGo is what is away, and the indicator says so.
    const indicator = page.getByTestId("connection");
    await page.locator('[data-testid="connection"][data-state="reconnecting"]').waitFor();
    expect(await indicator.textContent()).toBe("Can't reach OrGo — retrying");
    // A list not loaded before: it cannot load now.
    await page.getByLabel("Where").selectOption({ label: "Online" });
    const failed = page.getByTestId("query-error");
    await failed.waitFor();
    expect(await failed.textContent()).toContain("OrGo can't be reached right now");
    expect(await failed.getByRole("button", { name: "Retry" }).isVisible()).toBe(true);
    expect(await page.getByText(/Studies: 0/).count()).toBe(0);
    await page.screenshot({ path: screenshotPath("outage-01-studies-offline") });

    // The server is back on the same address: the socket reconnects and the list loads.
    app = await env.startApp({ seed: false, env: { PORT: String(port) } });
    await page.locator('[data-testid="connection"][data-state="online"]').waitFor({ timeout: 20_000 });
    await page
      .getByTestId("studies")
      .getByRole("option", { name: /Online only/ })
      .waitFor();
    expect(await failed.count()).toBe(0);
    await page.context().close();
  });

  it("keeps a comment and a post written offline in a visible outbox, and sends each once on reconnect", async () => {
    const page = await signedInPage(browser, app, "demo");
    await page.locator('[data-testid="post-list"] li').first().click();
    const comments = page.getByTestId("comments");
    await page.getByLabel("Write a comment").waitFor();
    // Someone else's comment, to answer while offline (the open post hears it live).
    const postId = Number(/\/posts\/(\d+)/.exec(page.url())![1]);
    const { client: sara } = createTestClient(app.url, app.url, await cookieFor(app.db, "sara_k"));
    const question = await sara.comment.create.mutate({ postId, body: "Where did you learn this?" });
    const thread = comments.locator("li").filter({ hasText: "Where did you learn this?" });
    await thread.waitFor();

    await env.stopApp();
    await page.locator('[data-testid="connection"][data-state="reconnecting"]').waitFor();
    await page.getByLabel("Write a comment").fill("Written on the train, sent from the outbox");
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    await page.getByText("No connection: saved in your outbox").waitFor();
    // The box is free again; the comment waits where it will land, and says so.
    expect(await page.getByLabel("Write a comment").inputValue()).toBe("");
    const waiting = page.getByTestId("comments-waiting");
    expect(await waiting.textContent()).toBe(
      "Waiting to be sent: it is in your outbox.Written on the train, sent from the outbox",
    );
    // A reply waits under the comment it answers, not at the end of the thread.
    await thread.getByRole("button", { name: "Reply" }).click();
    await page.getByLabel("Write a reply").fill("From a course on MDN");
    await thread.getByRole("button", { name: "Reply" }).click();
    const waitingReply = thread.getByTestId("comments-waiting-reply");
    await waitingReply.waitFor();
    expect(await waitingReply.textContent()).toBe("Waiting to be sent: it is in your outbox.From a course on MDN");
    expect(await waiting.textContent()).not.toContain("From a course on MDN");
    await waiting.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("outage-02a-comment-waiting-in-thread") });
    await page.keyboard.press("n");
    const composer = page.getByRole("dialog", { name: "New post" });
    await composer.getByLabel("Title").fill("Offline notes");
    await composer.getByLabel("What did you learn?").fill("Queued while the server was away.");
    await composer.getByRole("button", { name: "Publish" }).click();
    await composer.waitFor({ state: "hidden" });
    const outbox = page.getByTestId("outbox");
    await expect.poll(() => outbox.textContent()).toBe("Outbox · 3");
    await outbox.click();
    const list = page.getByRole("dialog", { name: "Outbox" });
    await expect.poll(() => list.getByText("Waiting for the connection").count()).toBe(3);
    expect(await list.textContent()).toContain("Offline notes");
    await page.screenshot({ path: screenshotPath("outage-02-outbox") });
    await page.keyboard.press("Escape");

    app = await env.startApp({ seed: false, env: { PORT: String(port) } });
    await page.locator('[data-testid="connection"][data-state="online"]').waitFor({ timeout: 20_000 });
    await outbox.waitFor({ state: "detached", timeout: 20_000 });
    await expect.poll(() => comments.textContent()).toContain("Written on the train, sent from the outbox");
    await waiting.waitFor({ state: "detached" });
    await waitingReply.waitFor({ state: "detached" });
    await thread.getByText("From a course on MDN").waitFor();
    // Each stored once, though the outbox may have sent one more than once; the reply under its comment.
    expect(await app.db.comment.count({ where: { body: "Written on the train, sent from the outbox" } })).toBe(1);
    expect(await app.db.comment.count({ where: { body: "From a course on MDN", parentId: question.id } })).toBe(1);
    expect(await app.db.post.count({ where: { title: "Offline notes" } })).toBe(1);
    await page.screenshot({ path: screenshotPath("outage-03-outbox-sent") });
    await page.context().close();
  });

  it("never says Live while the browser is offline or calls fail, in either language", async () => {
    const page = await signedInPage(browser, app, "demo", { locale: "ko-KR" });
    const indicator = page.getByTestId("connection");
    await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    expect(await indicator.textContent()).toBe("실시간");
    await page.context().setOffline(true);
    await page.locator('[data-testid="connection"][data-state="offline"]').waitFor();
    expect(await indicator.textContent()).toBe("오프라인");
    await page.screenshot({ path: screenshotPath("outage-04-browser-offline-ko") });
    await page.context().setOffline(false);
    await page.locator('[data-testid="connection"][data-state="online"]').waitFor();
    // The socket is open, but the server's HTTP answers come from a proxy with the API away.
    await page.route(/\/trpc\/(?!.*presence)/, (route) => route.fulfill({ status: 502, body: "Bad Gateway" }));
    await page.route(/\/readyz$/, (route) => route.fulfill({ status: 502, body: "Bad Gateway" }));
    await page.getByRole("link", { name: "스터디" }).click();
    await page.locator('[data-testid="connection"][data-state="reconnecting"]').waitFor();
    expect(await indicator.textContent()).toBe("오르고에 연결할 수 없어요 — 다시 시도 중");
    // Answers again: live again by itself (the readiness probe), and the list fills in.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.locator('[data-testid="connection"][data-state="online"]').waitFor({ timeout: 20_000 });
    await page.getByTestId("studies").getByRole("option").first().waitFor();
    await page.context().close();
  });

  it("an app opened while the server is away is not shown signed out, and signs in by itself when it is back", async () => {
    const page = await signedInPage(browser, app, "demo");
    // Nginx (or the installed app's cache) still serves the page; the API is away.
    await env.stopApp();
    const shell = await serveShellOnly(webDistDir, port);
    try {
      await page.reload();
      await page.locator('[data-testid="connection"][data-state="reconnecting"]').waitFor({ timeout: 10_000 });
      expect(await page.getByRole("link", { name: "Sign in" }).count()).toBe(0);
      await page.screenshot({ path: screenshotPath("outage-05-opened-while-away") });
    } finally {
      await shell.close();
    }
    app = await env.startApp({ seed: false, env: { PORT: String(port) } });
    await page.locator('[data-testid="connection"][data-state="online"]').waitFor({ timeout: 25_000 });
    // Signed in, without a reload or a click.
    await page.getByTestId("account").waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});
