import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { startTestApp } from "../helpers/app.js";
import { startFakeSmtp } from "../helpers/fake-smtp.js";
import { waitFor } from "../helpers/wait.js";

describe("mail through SMTP when SMTP_URL is set", () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let fresh: FreshDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    fresh = await freshDatabase();
    app = await startTestApp({
      databaseUrl: fresh.url,
      seed: false,
      env: { SMTP_URL: smtp.url, MAIL_FROM: "OrGo <hello@orgo.test>", DEV_OUTBOX_PAGE: "true" },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
    await smtp?.close();
  });

  it("sends the sign-up code to the SMTP server, and keeps no outbox", async () => {
    expect(app.outbox).toBeNull();
    const response = await fetch(`${app.url}/trpc/auth.signUpStart`, {
      method: "POST",
      headers: { origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({
        json: { email: "mailme@example.com", password: "long enough", handle: "mail_me", displayName: "Mail Me" },
      }),
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).not.toMatch(/\b\d{6}\b/);
    await waitFor(() => smtp.received.length === 1, "the mail to arrive");
    const [mail] = smtp.received;
    expect(mail!.from).toContain("hello@orgo.test");
    expect(mail!.to).toEqual(["RCPT TO:<mailme@example.com>"]);
    expect(mail!.data).toMatch(/Subject: .*OrGo/);
  });

  it("never serves the outbox page with SMTP configured", async () => {
    expect(await (await fetch(`${app.url}/dev/outbox`)).text()).not.toContain("Development outbox");
  });
});
