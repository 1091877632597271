import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import { AppError, type AuthService } from "@orgo/api-contract";
import { createAuthService, CODE_TTL_MS } from "../src/auth/auth.service.js";
import { createSessionService, type SessionService } from "../src/auth/session.service.js";
import { createDevOutbox, type DevOutbox } from "../src/mail/mailer.js";
import { createLogger } from "../src/logger.js";
import { createMemoryRateLimiter } from "../src/rate-limit/memory-rate-limiter.js";
import { createMemoryEventBus } from "../src/events/memory-event-bus.js";
import { limits } from "../src/rate-limit/limits.js";

const device = { userAgent: "vitest", ip: "127.0.0.1" };

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("e-mail sign-up, sign-in and sign-out", () => {
  let fresh: FreshDatabase;
  let sessions: SessionService;
  let outbox: DevOutbox;
  let auth: AuthService;
  const bus = createMemoryEventBus();
  let clock = new Date("2026-03-01T09:00:00Z");
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
  const codeFor = (email: string) => {
    const mail = outbox.messages.filter((m) => m.to === email).at(-1);
    return /\b(\d{6})\b/.exec(mail?.subject ?? "")?.[1] ?? "";
  };
  let n = 0;
  const newPerson = () => {
    n++;
    return {
      email: `person${n}@example.com`,
      password: "correct horse",
      handle: `person_${n}`,
      displayName: `Person ${n}`,
    };
  };

  beforeAll(async () => {
    fresh = await freshDatabase();
    sessions = createSessionService({ db: fresh.db, now: () => clock });
    outbox = createDevOutbox(createLogger("silent"));
    auth = createAuthService({
      db: fresh.db,
      sessions,
      mailer: outbox,
      limiter: createMemoryRateLimiter(() => clock.getTime()),
      bus,
      now: () => clock,
    });
  });
  beforeEach(() => advance(3600_000));
  afterAll(() => fresh.drop());

  it("mails a 6-digit code, stores only its hash, and creates the account when it is confirmed", async () => {
    const person = newPerson();
    const started = await auth.signUpStart(person, device);
    expect(JSON.stringify(started)).not.toMatch(/\d{6}/);
    const code = codeFor(person.email);
    expect(code).toMatch(/^\d{6}$/);
    const pending = await fresh.db.pendingSignUp.findUniqueOrThrow({ where: { email: person.email } });
    expect(JSON.stringify(pending)).not.toContain(code);
    expect(await fresh.db.user.count({ where: { email: person.email } })).toBe(0);

    const session = await auth.signUpVerify({ email: person.email, code }, device);
    expect(session.me).toMatchObject({ handle: person.handle, email: person.email });
    expect((await sessions.validate(session.token))?.session.userId).toBe(session.me.id);
    const user = await fresh.db.user.findUniqueOrThrow({ where: { email: person.email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await fresh.db.pendingSignUp.count({ where: { email: person.email } })).toBe(0);
  });

  it("refuses the 6th code after 5 wrong ones, even the right one", async () => {
    const person = newPerson();
    await auth.signUpStart(person, device);
    const code = codeFor(person.email);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      expect((await appErrorOf(auth.signUpVerify({ email: person.email, code: wrong }, device))).code).toBe(
        "VALIDATION",
      );
    }
    expect((await appErrorOf(auth.signUpVerify({ email: person.email, code }, device))).code).toBe("RATE_LIMITED");
  });

  it("counts parallel wrong guesses exactly", async () => {
    const person = newPerson();
    await auth.signUpStart(person, device);
    const wrong = codeFor(person.email) === "000000" ? "111111" : "000000";
    await Promise.allSettled(
      Array.from({ length: 12 }, () => auth.signUpVerify({ email: person.email, code: wrong }, device)),
    );
    expect((await fresh.db.pendingSignUp.findUniqueOrThrow({ where: { email: person.email } })).attempts).toBe(5);
  });

  it("expires a code after 10 minutes", async () => {
    const person = newPerson();
    await auth.signUpStart(person, device);
    const code = codeFor(person.email);
    advance(CODE_TTL_MS);
    expect((await appErrorOf(auth.signUpVerify({ email: person.email, code }, device))).message).toMatch(/expired/);
  });

  it("throttles resending, then replaces the code", async () => {
    const person = newPerson();
    await auth.signUpStart(person, device);
    const first = codeFor(person.email);
    const throttled = await appErrorOf(auth.signUpStart(person, device));
    expect(throttled.code).toBe("RATE_LIMITED");
    expect(throttled.details?.retryAfterSeconds).toBeGreaterThan(0);
    advance(61_000);
    await auth.signUpStart(person, device);
    const second = codeFor(person.email);
    if (second !== first) {
      expect((await appErrorOf(auth.signUpVerify({ email: person.email, code: first }, device))).code).toBe(
        "VALIDATION",
      );
    }
    expect((await auth.signUpVerify({ email: person.email, code: second }, device)).me.email).toBe(person.email);
  });

  it("answers a sign-up for a registered address exactly like a new one, and tells the owner by mail", async () => {
    const person = newPerson();
    await auth.signUpStart(person, device);
    await auth.signUpVerify({ email: person.email, code: codeFor(person.email) }, device);
    advance(3600_000);
    const again = await auth.signUpStart({ ...person, handle: "someone_else" }, device);
    expect(Object.keys(again).sort()).toEqual(["codeExpiresAt", "email", "resendAfterSeconds"]);
    const mail = outbox.messages.at(-1)!;
    expect(mail.to).toBe(person.email);
    expect(mail.subject).toMatch(/already have an account/);
  });

  it("refuses a taken handle with a field error", async () => {
    const first = newPerson();
    await auth.signUpStart(first, device);
    await auth.signUpVerify({ email: first.email, code: codeFor(first.email) }, device);
    const error = await appErrorOf(auth.signUpStart({ ...newPerson(), handle: first.handle }, device));
    expect(error.code).toBe("CONFLICT");
    expect(error.details?.fieldErrors?.handle).toBeDefined();
  });

  it("signs in with the right password and says only 'wrong e-mail or password' otherwise", async () => {
    const person = newPerson();
    await auth.signUpStart(person, device);
    await auth.signUpVerify({ email: person.email, code: codeFor(person.email) }, device);
    const signedIn = await auth.signIn({ email: person.email, password: person.password }, device);
    expect(signedIn.me.handle).toBe(person.handle);
    const wrongPassword = await appErrorOf(auth.signIn({ email: person.email, password: "wrong password" }, device));
    const unknownEmail = await appErrorOf(auth.signIn({ email: "nobody@example.com", password: "whatever1" }, device));
    expect(wrongPassword.code).toBe("UNAUTHENTICATED");
    expect([wrongPassword.message, unknownEmail.message]).toEqual([
      "Wrong e-mail or password",
      "Wrong e-mail or password",
    ]);

    await auth.signOut({ userId: signedIn.me.id, sessionId: (await sessions.validate(signedIn.token))!.session.id });
    expect(await sessions.validate(signedIn.token)).toBeNull();
  });

  it("rate limits sign-in per account, whatever the password, and says when to retry", async () => {
    const person = newPerson();
    await auth.signUpStart(person, device);
    await auth.signUpVerify({ email: person.email, code: codeFor(person.email) }, device);
    for (let i = 0; i < limits.signInPerAccount.limit; i++) {
      await appErrorOf(
        auth.signIn({ email: person.email, password: "wrong password" }, { ...device, ip: `10.0.0.${i}` }),
      );
    }
    const limited = await appErrorOf(auth.signIn({ email: person.email, password: person.password }, device));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.details?.retryAfterSeconds).toBeGreaterThan(0);
    advance(limits.signInPerAccount.windowMs);
    expect((await auth.signIn({ email: person.email, password: person.password }, device)).me.email).toBe(person.email);
  });

  it("rate limits sign-in per IP across accounts", async () => {
    const ip = { ...device, ip: "192.0.2.7" };
    for (let i = 0; i < limits.signInPerIp.limit; i++) {
      await appErrorOf(auth.signIn({ email: `guess${i}@example.com`, password: "whatever1" }, ip));
    }
    expect((await appErrorOf(auth.signIn({ email: "another@example.com", password: "whatever1" }, ip))).code).toBe(
      "RATE_LIMITED",
    );
  });

  async function signedUp() {
    const person = newPerson();
    await auth.signUpStart(person, device);
    const first = await auth.signUpVerify({ email: person.email, code: codeFor(person.email) }, device);
    const viewer = { userId: first.me.id, sessionId: (await sessions.validate(first.token))!.session.id };
    return { person, first, viewer };
  }

  it("changes the password only with the current one, and ends every other session", async () => {
    const { person, first, viewer } = await signedUp();
    const other = await auth.signIn(
      { email: person.email, password: person.password },
      { ...device, userAgent: "phone" },
    );
    const revokedIds: string[] = [];
    const off = await bus.subscribe("sessions", (e) => {
      if (e.type === "session.revoked") revokedIds.push(...e.data.sessionIds);
    });

    const refused = await appErrorOf(
      auth.changePassword(viewer, { currentPassword: "nope", newPassword: "a new secret" }),
    );
    expect(refused.details?.fieldErrors?.currentPassword).toBeDefined();
    expect(await sessions.validate(other.token)).not.toBeNull();

    await auth.changePassword(viewer, { currentPassword: person.password, newPassword: "a new secret" });
    off();
    expect(await sessions.validate(first.token)).not.toBeNull();
    const otherId = other.token.split(".")[0]!;
    expect(await sessions.validate(other.token)).toBeNull();
    expect(revokedIds).toEqual([otherId]);
    await appErrorOf(auth.signIn({ email: person.email, password: person.password }, device));
    expect((await auth.signIn({ email: person.email, password: "a new secret" }, device)).me.id).toBe(viewer.userId);
  });

  it("lists my sessions, marks the current one, and ends only my own", async () => {
    const mine = await signedUp();
    const theirs = await signedUp();
    const second = await auth.signIn({ email: mine.person.email, password: mine.person.password }, device);
    const list = await auth.listSessions(mine.viewer);
    expect(list.map((s) => s.current).sort()).toEqual([false, true]);
    expect(list.find((s) => s.current)!.id).toBe(mine.viewer.sessionId);

    const error = await appErrorOf(auth.endSession(mine.viewer, theirs.viewer.sessionId));
    expect(error.code).toBe("NOT_FOUND");
    expect(await sessions.validate(theirs.first.token)).not.toBeNull();

    await auth.endSession(mine.viewer, second.token.split(".")[0]!);
    expect(await sessions.validate(second.token)).toBeNull();
  });
});
