import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import { seedDemoData } from "@orgo/db";
import {
  createSessionService,
  LAST_SEEN_INTERVAL_MS,
  SESSION_ABSOLUTE_MAX_MS,
  SESSION_TTL_MS,
  type SessionService,
} from "../../src/platform/sessions/session.service.js";
import { hashSecret } from "../../src/platform/sessions/session-token.js";

const DAY = 24 * 3600_000;

describe("sessions in Lucia's model", () => {
  let fresh: FreshDatabase;
  let sessions: SessionService;
  let userId: string;
  let clock = new Date("2026-01-01T00:00:00Z");
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

  beforeAll(async () => {
    fresh = await freshDatabase();
    await seedDemoData(fresh.db);
    userId = (await fresh.db.user.findUniqueOrThrow({ where: { handle: "demo" } })).id;
    sessions = createSessionService({ db: fresh.db, now: () => clock });
  });
  afterAll(() => fresh.drop());

  it("stores only the SHA-256 of the secret, never the token", async () => {
    const { token, session } = await sessions.create(userId, { userAgent: "Firefox", ip: "127.0.0.1" });
    const row = await fresh.db.session.findUniqueOrThrow({ where: { id: session.id } });
    const secret = token.split(".")[1]!;
    expect(Buffer.from(row.secretHash)).toEqual(Buffer.from(hashSecret(secret)));
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("validates a token, and refuses a wrong secret or an unknown id", async () => {
    const { token, session } = await sessions.create(userId);
    expect((await sessions.validate(token))?.session.id).toBe(session.id);
    const [id, secret] = token.split(".") as [string, string];
    const otherSecret = secret.replace(/^./, secret.startsWith("a") ? "b" : "a");
    expect(await sessions.validate(`${id}.${otherSecret}`)).toBeNull();
    expect(await sessions.validate(`${"a".repeat(24)}.${secret}`)).toBeNull();
    expect(await sessions.validate("garbage")).toBeNull();
  });

  it("slides the expiry only once half of the lifetime is used, and writes lastSeen at most hourly", async () => {
    const { token, session } = await sessions.create(userId);
    advance(LAST_SEEN_INTERVAL_MS / 2);
    const early = await sessions.validate(token);
    expect(early?.renewed).toBe(false);
    expect(early?.session.lastSeenAt).toEqual(session.lastSeenAt);

    advance(LAST_SEEN_INTERVAL_MS);
    const touched = await sessions.validate(token);
    expect(touched?.renewed).toBe(false);
    expect(touched?.session.lastSeenAt).toEqual(clock);

    advance(SESSION_TTL_MS / 2);
    const renewed = await sessions.validate(token);
    expect(renewed?.renewed).toBe(true);
    expect(renewed?.session.expiresAt).toEqual(new Date(clock.getTime() + SESSION_TTL_MS));
  });

  it("expires an unused session and deletes it", async () => {
    const { token, session } = await sessions.create(userId);
    advance(SESSION_TTL_MS + 1);
    expect(await sessions.validate(token)).toBeNull();
    expect(await fresh.db.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("never renews past the absolute maximum, however active", async () => {
    const { token } = await sessions.create(userId);
    const hardEnd = clock.getTime() + SESSION_ABSOLUTE_MAX_MS;
    while (clock.getTime() + 20 * DAY < hardEnd) {
      advance(20 * DAY);
      const v = await sessions.validate(token);
      expect(v).not.toBeNull();
      expect(v!.session.expiresAt.getTime()).toBeLessThanOrEqual(hardEnd);
    }
    advance(hardEnd - clock.getTime());
    expect(await sessions.validate(token)).toBeNull();
  });

  it("lists a user's sessions and ends all but the current one", async () => {
    await fresh.db.session.deleteMany({});
    const current = await sessions.create(userId, { userAgent: "A" });
    await sessions.create(userId, { userAgent: "B" });
    await sessions.create(userId, { userAgent: "C" });
    expect((await sessions.listForUser(userId)).map((s) => s.userAgent).sort()).toEqual(["A", "B", "C"]);
    expect(await sessions.invalidateAllForUser(userId, current.session.id)).toHaveLength(2);
    expect((await sessions.listForUser(userId)).map((s) => s.id)).toEqual([current.session.id]);
    await sessions.invalidate(current.session.id);
    expect(await sessions.validate(current.token)).toBeNull();
  });
});
