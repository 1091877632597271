import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningApp } from "../../src/app.js";
import { openBrowserApp, type BrowserApp } from "./fixture.js";
import { browserAvailable, screenshotPath, signedInPage, stubDesktopNotifications } from "../helpers/browser.js";
import { cookieFor } from "../helpers/sessions.js";
import { createTestClient } from "../helpers/trpc-client.js";
import { startLinkNetwork } from "../helpers/link-network.js";
import { pdfBytes } from "../helpers/shared-files.js";

/** Two people chat in two browsers: Leo in English and light, Sara in Korean and dark. */
describe.skipIf(!browserAvailable())("chat between two people, in Chromium", () => {
  let env: BrowserApp;
  let app: RunningApp;
  let browser: Browser;
  let leo: Page;
  let sara: Page;

  let network: Awaited<ReturnType<typeof startLinkNetwork>>;

  beforeAll(async () => {
    // Link previews read pages of a stand-in site on the loopback (the one address allowed here).
    network = await startLinkNetwork();
    env = await openBrowserApp({ linkNetwork: network.options });

    ({ app, browser } = env);
    // Leo follows Sara in the demo data.
    leo = await signedInPage(browser, app, "leo_builds", { locale: "en-US", height: 820 });
    sara = await signedInPage(browser, app, "sara_k", { locale: "ko-KR", colorScheme: "dark", height: 820 });
  });
  afterAll(async () => {
    await env?.close();
    await network?.close();
  });

  it("Leo starts a conversation from Sara's profile: it exists once he writes, not before", async () => {
    await leo.goto(`${app.url}/u/sara_k`);
    await leo.getByTestId("message-button").click();
    await leo.waitForURL(/\/chat\/new\/sara_k$/);
    const starting = leo.getByTestId("new-conversation");
    await expect
      .poll(() => starting.textContent())
      .toContain("Your conversation with Sara Kim starts with your first message");
    // Looking is not opening: neither list has the conversation.
    await sara.goto(`${app.url}/chat`);
    await expect.poll(() => sara.getByTestId("chat-rooms").textContent()).toContain("김지우");
    expect(await sara.getByTestId("chat-rooms").textContent()).not.toContain("Leo Park");
    await expect.poll(() => leo.getByTestId("chat-rooms").textContent()).toContain("Postgres internals");
    expect(await leo.getByTestId("chat-rooms").textContent()).not.toContain("Sara Kim");
    await leo.screenshot({ path: screenshotPath("chat-00-new-conversation") });
    expect(await leo.getByTestId("chat-input").getAttribute("placeholder")).not.toContain("↑");
    await leo.getByTestId("chat-input").fill("Hi Sara!");
    await leo.getByTestId("chat-input").press("Enter");
    await leo.waitForURL(/\/chat\/\d+$/);
    await expect.poll(() => leo.getByTestId("chat-messages").textContent()).toContain("Hi Sara!");
    await expect.poll(() => leo.getByTestId("chat-rooms").textContent()).toContain("Sara Kim");
    // Back leaves the room for the profile: the empty start was replaced, not kept.
    await leo.goBack();
    await leo.waitForURL(/\/u\/sara_k$/);
    await leo.goForward();
    await leo.waitForURL(/\/chat\/\d+$/);
  });

  it("Sara sees Leo typing, then his message, live and unread", async () => {
    await expect.poll(() => sara.getByTestId("chat-rooms").textContent()).toContain("Leo Park");
    // Leo has a tab open: his dot is green in Sara's list; Jiwoo's (no tab) is grey.
    const leoRow = sara.getByTestId("chat-room").filter({ hasText: "Leo Park" });
    await expect.poll(() => leoRow.textContent()).toContain("Hi Sara!");
    await expect.poll(() => leoRow.getByTestId("presence").getAttribute("data-state")).toBe("online");
    await expect
      .poll(() =>
        sara.getByTestId("chat-room").filter({ hasText: "김지우" }).getByTestId("presence").getAttribute("data-state"),
      )
      .toBe("offline");
    // Without pictures, people are told apart: their initials on a colour of their own.
    const jiwooAvatar = sara.getByTestId("chat-room").filter({ hasText: "김지우" }).locator(".avatar");
    expect(await leoRow.locator(".avatar").textContent()).toBe("LP");
    expect(await jiwooAvatar.textContent()).toBe("김");
    const backgroundOf = async (avatar: typeof jiwooAvatar) =>
      /background: ([^;]+)/.exec((await avatar.getAttribute("style")) ?? "")?.[1];
    const leoColour = await backgroundOf(leoRow.locator(".avatar"));
    expect(leoColour).toMatch(/^rgb/);
    expect(leoColour).not.toBe(await backgroundOf(jiwooAvatar));
    await leoRow.click();
    // The conversation is open (its history shown, its live stream starting) before Leo types.
    await expect.poll(() => sara.getByTestId("chat-messages").textContent()).toContain("Hi Sara!");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await leo.getByTestId("chat-input").pressSequentially("Want to pair on the ");
    await expect
      .poll(() => sara.getByTestId("typing").textContent(), { timeout: 4_000 })
      .toContain("Leo Park 님이 입력 중…");
    await leo.getByTestId("chat-input").pressSequentially("`EXPLAIN` output tonight?");
    await leo.getByTestId("chat-input").press("Enter");
    await expect.poll(() => sara.getByTestId("chat-messages").textContent()).toContain("Want to pair on the");
    await expect.poll(() => sara.getByTestId("typing").textContent()).toBe("");
    // Her room list hears it too ("room list changed"): the message as the room's last, in
    // plain text (no Markdown marks), and how long ago.
    await expect.poll(() => leoRow.textContent()).toContain("Want to pair on the EXPLAIN output tonight?");
    expect(await leoRow.locator("time").textContent()).toBe("지금");
    // The toast of Leo's first message sits under the top bar, not over the box and Send.
    const toast = sara.locator("[data-sonner-toast]").first();
    await toast.waitFor();
    const [toastBox, sendBox] = [
      await toast.boundingBox(),
      await sara.getByRole("button", { name: "보내기" }).boundingBox(),
    ];
    expect(toastBox!.y + toastBox!.height).toBeLessThan(sendBox!.y);
    expect(toastBox!.y).toBeGreaterThanOrEqual(52);
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

  it("both react to a message: a quick reaction, one found by search, who reacted on hover, live both ways", async () => {
    // Sara (Korean, dark) reacts to Leo's first message with the picker's first quick reaction (👍).
    const saraHi = sara.locator(".chat__message").filter({ hasText: "Hi Sara!" });
    await saraHi.hover();
    await saraHi.getByTestId("add-reaction").click();
    // The pointer leaving the message keeps the picker beside its button (the message's
    // actions hid, and the picker jumped to the page's corner: a flaky click here).
    await sara.mouse.move(700, 780);
    const picker = sara.locator(".reaction-picker");
    await expect.poll(async () => (await picker.boundingBox())?.x ?? 0).toBeGreaterThan(400);
    await sara.locator('[data-epr-part="reaction"]').first().click();
    const leoHi = leo.locator(".chat__message").filter({ hasText: "Hi Sara!" });
    const leoThumbs = leoHi.getByRole("button", { name: "👍 1 reaction" });
    await leoThumbs.waitFor();
    expect(await leoThumbs.getAttribute("aria-pressed")).toBe("false");
    expect(await leoThumbs.getAttribute("title")).toBe("Sara Kim reacted with 👍");
    // Leo joins in with a click, and finds 🎉 by searching the whole set.
    await leoThumbs.click();
    const saraThumbs = saraHi.getByRole("button", { name: "👍 반응 2개" });
    await saraThumbs.waitFor();
    expect(await saraThumbs.getAttribute("aria-pressed")).toBe("true");
    expect(await saraThumbs.getAttribute("title")).toBe("나 및 Leo Park 님이 👍(으)로 반응했어요");
    await leoHi.hover();
    await leoHi.getByTestId("add-reaction").last().click();
    // The whole set opens from the quick row once the picker's data is in (a click before
    // that, on a loaded machine, left the quick row in place): click until it is open.
    const search = leo.locator('[data-epr-part="search-input"]');
    await expect
      .poll(async () => {
        if ((await search.isVisible()) && (await search.isEditable().catch(() => false))) return true;
        await leo
          .locator('[data-epr-part="expand-reactions"]')
          .click({ timeout: 2_000 })
          .catch(() => undefined);
        return false;
      })
      .toBe(true);
    await search.fill("party popper");
    await leo
      .getByRole("gridcell", { name: /party popper/i })
      .first()
      .click();
    await saraHi.getByRole("button", { name: "🎉 반응 1개" }).waitFor();
    await sara.screenshot({ path: screenshotPath("chat-02b-reactions-ko-dark") });
    await leo.screenshot({ path: screenshotPath("chat-02c-reactions-en-light") });
    // A second click takes Leo's back, on both screens.
    await leoHi.getByRole("button", { name: "👍 2 reactions" }).click();
    await saraHi.getByRole("button", { name: "👍 반응 1개" }).waitFor();
    expect(await leoHi.getByRole("button", { name: "👍 1 reaction" }).getAttribute("aria-pressed")).toBe("false");
  });

  it("Sara answers Leo's first message: the quote above hers goes to it, and Leo is told", async () => {
    const saraHi = sara.locator(".chat__message").filter({ hasText: "Hi Sara!" });
    await saraHi.hover();
    await saraHi.getByTestId("reply").click();
    await expect.poll(() => sara.getByTestId("replying-to").textContent()).toContain("Leo Park 님에게 답장");
    // Escape drops the reply; Reply again brings it back.
    await sara.getByTestId("chat-input").press("Escape");
    await sara.getByTestId("replying-to").waitFor({ state: "detached" });
    await saraHi.hover();
    await saraHi.getByTestId("reply").click();
    await sara.getByTestId("chat-input").fill("반가워요, Leo!");
    await sara.getByTestId("chat-input").press("Enter");
    await sara.getByTestId("replying-to").waitFor({ state: "detached" });
    const answer = leo.locator(".chat__message").filter({ hasText: "반가워요, Leo!" });
    const quote = answer.getByTestId("reply-quote");
    await expect.poll(() => quote.textContent()).toBe("Leo Park Hi Sara!");
    await expect.poll(() => leo.getByTestId("chat-rooms").textContent()).toContain("반가워요, Leo!");
    await leo.screenshot({ path: screenshotPath("chat-02d-reply-en-light") });
    // By keyboard: the quote is a button (a first click into a background tab can land
    // while its refetch-on-focus moves the list).
    await quote.focus();
    await leo.keyboard.press("Enter");
    const original = leo.locator(".chat__message").filter({ hasText: "Hi Sara!" }).first();
    await expect.poll(() => original.getAttribute("class")).toContain("chat__message--flash");
    const focusedSeq = await leo.evaluate<string | null>(`document.activeElement?.getAttribute("data-seq") ?? null`);
    expect(focusedSeq).toBe(await original.getAttribute("data-seq"));
    // Told like a mention, in the notifications list.
    const room = leo.url();
    await leo.goto(`${app.url}/notifications`);
    await expect
      .poll(() => leo.getByTestId("notifications").textContent())
      .toContain("Sara Kim replied to your message");
    await leo.goto(room);
    await leo.getByTestId("chat-messages").waitFor();
  });

  it("Leo pins his first message: Sara's header lists it and goes to it; its link opens it in place", async () => {
    const leoHi = leo.locator(".chat__message").filter({ hasText: "Hi Sara!" }).first();
    await leoHi.hover();
    await leoHi.getByTestId("pin").click();
    await leoHi.getByTestId("pinned-mark").waitFor();
    const pins = sara.getByTestId("pins");
    await expect.poll(() => pins.getAttribute("aria-label")).toBe("고정된 메시지 1개");
    await pins.click();
    const listed = sara.locator(".pins__item");
    await expect.poll(() => listed.textContent()).toContain("Leo Park 님이 고정");
    await sara.screenshot({ path: screenshotPath("chat-02e-pins-ko-dark") });
    await listed.click();
    await sara.waitForURL(/#message-1$/);
    const saraHi = sara.locator('.chat__message[data-seq="1"]');
    await expect.poll(() => saraHi.getAttribute("class")).toContain("chat__message--flash");
    // Copy link says so (the address itself, where the clipboard is not allowed).
    await leoHi.hover();
    await leoHi.getByTestId("copy-link").click();
    await expect.poll(() => leo.locator("[data-sonner-toast]").last().textContent()).toMatch(/Link copied|#message-1/);
    // The link, followed from elsewhere, opens the conversation at that message.
    const room = sara.url().replace(/#.*$/, "");
    await sara.goto(`${app.url}/`);
    await sara.goto(`${room}#message-1`);
    await expect.poll(() => saraHi.getAttribute("class")).toContain("chat__message--flash");
    // Unpinned by Sara (either person of a one-to-one room may): gone from both.
    await saraHi.hover();
    await saraHi.getByTestId("pin").click();
    await leoHi.getByTestId("pinned-mark").waitFor({ state: "detached" });
    await pins.waitFor({ state: "detached" });
  });

  it("keeps the conversation across a reload, and edits the last message with ↑", async () => {
    await leo.reload();
    await expect.poll(() => leo.getByTestId("chat-messages").textContent()).toContain("explain analyze select 1;");
    const input = leo.getByTestId("chat-input");
    await input.focus();
    await input.press("ArrowUp");
    await expect.poll(() => input.inputValue()).toBe("Want to pair on the `EXPLAIN` output tonight?");
    await input.fill("Want to pair on `EXPLAIN ANALYZE` tonight?");
    await input.press("Enter");
    await expect.poll(() => sara.getByTestId("chat-messages").textContent()).toContain("(수정됨)");
  });

  it("shows a link's preview to both, read by the server; Leo removes his", async () => {
    const url = network.page("/article");
    await leo.getByTestId("chat-input").fill(`Good read on plans: ${url}`);
    await leo.getByTestId("chat-input").press("Enter");
    const saraCard = sara.getByTestId("link-preview").last();
    await expect.poll(() => saraCard.textContent()).toContain("Understanding EXPLAIN ANALYZE");
    expect(await saraCard.textContent()).toContain("Postgres Notes");
    // The picture comes from our server (re-encoded), never from the linked site.
    expect(await saraCard.locator("img").getAttribute("src")).toMatch(/^\/uploads\/link-previews\//);
    expect(await saraCard.locator("a").getAttribute("href")).toBe(url);
    expect(await saraCard.getByTestId("remove-preview").count()).toBe(0);
    await sara.screenshot({ path: screenshotPath("chat-02h-link-preview-ko-dark") });
    const leoCard = leo.getByTestId("link-preview").last();
    await leoCard.waitFor();
    await leo.screenshot({ path: screenshotPath("chat-02i-link-preview-en-light") });
    await leoCard.getByTestId("remove-preview").click();
    await expect.poll(() => sara.getByTestId("link-preview").count()).toBe(0);
    await expect.poll(() => leo.getByTestId("link-preview").count()).toBe(0);
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

  it("brings my own new message into view, even when I had scrolled up to read", async () => {
    const roomId = Number(/\/chat\/(\d+)$/.exec(leo.url())?.[1]);
    const { client, wsClient } = createTestClient(app.url, app.url, await cookieFor(app.db, "sara_k"));
    for (let i = 1; i <= 20; i++) {
      await client.chat.send.mutate({ roomId, clientId: randomUUID(), body: `filler ${i}`, imageIds: [] });
    }
    await wsClient.close();
    const scroller = leo.getByTestId("chat-messages");
    await expect.poll(() => scroller.textContent()).toContain("filler 20");
    await leo.evaluate(`document.querySelector('[data-testid="chat-messages"]').scrollTop = 0`);
    await expect
      .poll(() => leo.evaluate<number>(`document.querySelector('[data-testid="chat-messages"]').scrollTop`))
      .toBe(0);
    await leo.getByTestId("chat-input").fill("Seen from the top");
    await leo.getByTestId("chat-input").press("Enter");
    const mine = scroller.getByText("Seen from the top");
    await mine.waitFor();
    const inView = async () => {
      const [box, message] = [(await scroller.boundingBox())!, await mine.boundingBox()];
      return message !== null && message.y >= box.y && message.y + message.height <= box.y + box.height;
    };
    await expect.poll(inView).toBe(true);
  });

  it("finds an old message by search, opens it far back with what was said around it, and jumps to the present and to a mention", async () => {
    const roomId = Number(/\/chat\/(\d+)$/.exec(leo.url())?.[1]);
    const { client, wsClient } = createTestClient(app.url, app.url, await cookieFor(app.db, "sara_k"));
    const say = (body: string) => client.chat.send.mutate({ roomId, clientId: randomUUID(), body, imageIds: [] });
    // Many messages at once, past the send limit: stored as sends store them (numbered under the room's row).
    const sara_ = await app.db.user.findUniqueOrThrow({ where: { handle: "sara_k" } });
    const fill = (bodies: string[]) => app.db.$executeRaw`
      with room as (
        update "ChatRoom" set "messageSeq" = "messageSeq" + ${bodies.length}, "changeSeq" = "changeSeq" + ${bodies.length}
        where id = ${roomId} returning "messageSeq" - ${bodies.length} as seq0, "changeSeq" - ${bodies.length} as change0)
      insert into "ChatMessage" ("roomId", seq, "changeSeq", "authorId", "clientId", body)
      select ${roomId}, room.seq0 + t.i, room.change0 + t.i, ${sara_.id}::uuid, gen_random_uuid(), t.b
      from room, unnest(${bodies}::text[]) with ordinality as t(b, i)`;
    const old = await say("자바스크립트 zanzibar notes from the first week");
    await fill(Array.from({ length: 70 }, (_, i) => `later ${i + 1}`));
    const mention = await say("@leo_builds the slides are up");
    await fill(Array.from({ length: 60 }, (_, i) => `after the mention ${i + 1}`));
    await wsClient.close();
    await leo.reload();
    const scroller = leo.getByTestId("chat-messages");
    await expect.poll(() => scroller.textContent()).toContain("after the mention 60");

    const filter = leo.getByTestId("chat-filter");
    await filter.fill("ZANZIBAR");
    const hit = leo.getByTestId("chat-search-hit");
    await expect
      .poll(() => hit.allTextContents())
      .toEqual([expect.stringContaining("zanzibar notes from the first week")]);
    expect(await hit.locator("mark").textContent()).toBe("zanzibar");
    await leo.screenshot({ path: screenshotPath("chat-02f-search-en-light") });
    await hit.click();
    await leo.waitForURL(new RegExp(`#message-${old.seq}$`));
    const found = leo.locator(`.chat__message[data-seq="${old.seq}"]`);
    await expect.poll(() => found.getAttribute("class")).toContain("chat__message--flash");
    // The page around it, not the newest: the present is a button away, and the mention one more.
    expect(await scroller.textContent()).not.toContain("after the mention 60");
    await leo.getByTestId("jump-present").click();
    await expect.poll(() => scroller.textContent()).toContain("after the mention 60");
    await leo.getByTestId("jump-mention").click();
    const mentioned = leo.locator(`.chat__message[data-seq="${mention.seq}"]`);
    await expect.poll(() => mentioned.getAttribute("class")).toContain("chat__message--flash");
    await filter.fill("");

    // Sara searches a part of a Korean word, then narrows it to what she said herself.
    const saraFilter = sara.getByTestId("chat-filter");
    await saraFilter.fill("자바");
    const saraHits = sara.getByTestId("chat-search-hit");
    await expect
      .poll(() => saraHits.allTextContents())
      .toContainEqual(expect.stringContaining("자바스크립트 zanzibar"));
    await sara.getByRole("button", { name: "Sara Kim 님의 메시지만" }).first().click();
    await expect.poll(() => sara.getByTestId("chat-search").textContent()).toContain("보낸 사람: Sara Kim");
    await sara.screenshot({ path: screenshotPath("chat-02g-search-ko-dark") });
    await saraFilter.fill("");
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

  it("shares a PDF and a code file: both see them as downloads, and Sara previews the code highlighted", async () => {
    await leo.getByTestId("chat-file-input").setInputFiles([
      { name: "study-plan.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdfBytes()) },
      {
        name: "slow_query.sql",
        mimeType: "application/sql",
        buffer: Buffer.from(
          "-- the slow one\nselect p.id, count(*)\nfrom post p join comment c on c.post_id = p.id\ngroup by p.id;\n",
        ),
      },
    ]);
    const chips = leo.getByTestId("chat-attachments").locator(".file-chip");
    await expect.poll(() => chips.count()).toBe(2);
    await leo.getByTestId("chat-input").fill("Plan and the query we looked at");
    await leo.getByTestId("chat-input").press("Enter");
    const saraFiles = sara.getByTestId("message-files").last();
    await expect.poll(() => saraFiles.textContent()).toContain("study-plan.pdf");
    expect(await saraFiles.textContent()).toContain("slow_query.sql");
    const downloads = saraFiles.getByTestId("download-file");
    expect(await downloads.first().getAttribute("href")).toMatch(
      /^\/uploads\/files\/[\w-]+\.pdf\?name=study-plan\.pdf$/,
    );
    // Only text and code have a preview.
    expect(await saraFiles.getByTestId("preview-file").count()).toBe(1);
    await saraFiles.getByTestId("preview-file").click();
    const preview = sara.getByTestId("file-preview");
    await expect.poll(() => preview.locator(".hljs-keyword").count()).toBeGreaterThan(0);
    expect(await preview.textContent()).toContain("group by p.id;");
    await sara.screenshot({ path: screenshotPath("chat-02j-files-preview-ko-dark") });
    await sara.keyboard.press("Escape");
    await leo.screenshot({ path: screenshotPath("chat-02k-files-en-light") });

    // A file the server refuses says why in the reader's language (it said it in English).
    await sara
      .getByTestId("chat-file-input")
      .setInputFiles([
        { name: "tool.bin", mimeType: "application/octet-stream", buffer: Buffer.from([0, 159, 146, 150, 0, 1, 2, 3]) },
      ]);
    const refused = sara.getByTestId("chat-attachments").getByRole("alert");
    await expect
      .poll(() => refused.textContent())
      .toBe("tool.bin: PDF, ZIP 압축 파일, 텍스트와 코드 파일을 공유할 수 있어요 (사진은 '사진'으로 올리세요)");
    await sara.getByRole("button", { name: /tool\.bin/ }).click();
    await sara.getByTestId("chat-attachments").waitFor({ state: "detached" });
  });

  it("announces another room's message in a toast under the top bar, never over the box and Send", async () => {
    await sara.getByTestId("chat-room").filter({ hasText: "김지우" }).click();
    await sara.waitForURL(/\/chat\/\d+$/);
    await expect.poll(() => sara.locator(".chat__header h2").textContent()).toContain("김지우");
    await leo.getByTestId("chat-input").fill("One more thing");
    await leo.getByTestId("chat-input").press("Enter");
    const toast = sara.locator("[data-sonner-toast]").filter({ hasText: "One more thing" });
    await toast.waitFor();
    // Measured once it has slid into place (it enters from above the window).
    const barHeight = (await sara.locator(".topbar").boundingBox())!.height;
    await expect.poll(async () => (await toast.boundingBox())!.y).toBeGreaterThanOrEqual(barHeight);
    const toastBox = (await toast.boundingBox())!;
    expect(toastBox.y + toastBox.height).toBeLessThan((await sara.getByTestId("chat-input").boundingBox())!.y);
  });

  it("finds a person with New message, and filters the conversations (Korean)", async () => {
    await sara.goto(`${app.url}/chat`);
    const rows = sara.getByTestId("chat-room");
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    // The filter: by name, then by what was said last; nothing matching says so.
    const filter = sara.getByTestId("chat-filter");
    await filter.fill("지우");
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining("김지우")]);
    await filter.fill("one more");
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining("Leo Park")]);
    await filter.fill("zzz");
    await expect.poll(() => rows.count()).toBe(0);
    expect(await sara.getByRole("status").filter({ hasText: "“zzz”에 맞는 대화가 없어요." }).count()).toBe(1);
    await filter.fill("");
    // New message: a person by name; someone I talk with already opens our room.
    await sara.getByRole("button", { name: "새 메시지" }).click();
    await sara.getByPlaceholder("받는 사람: 이름 또는 @아이디").fill("leo");
    await sara.getByRole("option", { name: /Leo Park/ }).click();
    await sara.waitForURL(/\/chat\/\d+$/);
    await expect.poll(() => sara.locator(".chat__header h2").textContent()).toContain("Leo Park");
    await sara.screenshot({ path: screenshotPath("chat-04-new-message-ko") });
  });

  it("offers desktop notifications as a bell beside New message, on the header's one line; shows one for a new message while the tab is hidden", async () => {
    // Not asked yet: a bell named in the reader's language, not words that wrap under the title.
    await sara.goto(`${app.url}/chat`);
    const ask = sara.getByRole("button", { name: "데스크톱 알림 받기" });
    await ask.waitFor();
    expect((await ask.innerText()).trim()).toBe("");
    expect(await ask.getAttribute("title")).toBe("데스크톱 알림 받기");
    const title = (await sara.getByRole("heading", { name: "대화", exact: true }).boundingBox())!;
    const bell = (await ask.boundingBox())!;
    expect(bell.y).toBeLessThan(title.y + title.height);
    expect(bell.y + bell.height).toBeGreaterThan(title.y);
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
