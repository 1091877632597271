import { beforeEach, describe, expect, it } from "vitest";
import { CODE_TTL_MS } from "../src/auth/auth.service.js";
import { limits } from "../src/rate-limit/limits.js";
import { appErrorOf, authFixture, device } from "./helpers/auth-fixture.js";

describe("e-mail sign-up, sign-in and sign-out", () => {
  const f = authFixture();
  const { advance, codeFor, viewerOf, newPerson, signedUp } = f;
  beforeEach(() => advance(3600_000));

  it("mails a 6-digit code, stores only its hash, and creates the account when it is confirmed", async () => {
    const person = newPerson();
    const started = await f.auth.signUpStart(person, device);
    expect(JSON.stringify(started)).not.toMatch(/\d{6}/);
    const code = codeFor(person.email);
    expect(code).toMatch(/^\d{6}$/);
    const pending = await f.fresh.db.pendingSignUp.findUniqueOrThrow({ where: { email: person.email } });
    expect(JSON.stringify(pending)).not.toContain(code);
    expect(await f.fresh.db.user.count({ where: { email: person.email } })).toBe(0);

    const session = await f.auth.signUpVerify({ email: person.email, code }, device);
    expect(session.me).toMatchObject({ handle: person.handle, email: person.email });
    expect((await f.sessions.validate(session.token))?.session.userId).toBe(session.me.id);
    const user = await f.fresh.db.user.findUniqueOrThrow({ where: { email: person.email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await f.fresh.db.pendingSignUp.count({ where: { email: person.email } })).toBe(0);
  });

  it("refuses the 6th code after 5 wrong ones, even the right one", async () => {
    const person = newPerson();
    await f.auth.signUpStart(person, device);
    const code = codeFor(person.email);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      expect((await appErrorOf(f.auth.signUpVerify({ email: person.email, code: wrong }, device))).code).toBe(
        "VALIDATION",
      );
    }
    expect((await appErrorOf(f.auth.signUpVerify({ email: person.email, code }, device))).code).toBe("RATE_LIMITED");
  });

  it("counts parallel wrong guesses exactly", async () => {
    const person = newPerson();
    await f.auth.signUpStart(person, device);
    const wrong = codeFor(person.email) === "000000" ? "111111" : "000000";
    await Promise.allSettled(
      Array.from({ length: 12 }, () => f.auth.signUpVerify({ email: person.email, code: wrong }, device)),
    );
    expect((await f.fresh.db.pendingSignUp.findUniqueOrThrow({ where: { email: person.email } })).attempts).toBe(5);
  });

  it("expires a code after 10 minutes", async () => {
    const person = newPerson();
    await f.auth.signUpStart(person, device);
    const code = codeFor(person.email);
    advance(CODE_TTL_MS);
    expect((await appErrorOf(f.auth.signUpVerify({ email: person.email, code }, device))).message).toMatch(/expired/);
  });

  it("throttles resending, then replaces the code", async () => {
    const person = newPerson();
    await f.auth.signUpStart(person, device);
    const first = codeFor(person.email);
    const throttled = await appErrorOf(f.auth.signUpStart(person, device));
    expect(throttled.code).toBe("RATE_LIMITED");
    expect(throttled.details?.retryAfterSeconds).toBeGreaterThan(0);
    advance(61_000);
    await f.auth.signUpStart(person, device);
    const second = codeFor(person.email);
    if (second !== first) {
      expect((await appErrorOf(f.auth.signUpVerify({ email: person.email, code: first }, device))).code).toBe(
        "VALIDATION",
      );
    }
    expect((await f.auth.signUpVerify({ email: person.email, code: second }, device)).me.email).toBe(person.email);
  });

  it("answers a sign-up for a registered address exactly like a new one, and tells the owner by mail", async () => {
    const person = newPerson();
    await f.auth.signUpStart(person, device);
    await f.auth.signUpVerify({ email: person.email, code: codeFor(person.email) }, device);
    advance(3600_000);
    const again = await f.auth.signUpStart({ ...person, handle: "someone_else" }, device);
    expect(Object.keys(again).sort()).toEqual(["codeExpiresAt", "email", "resendAfterSeconds"]);
    const mail = f.outbox.messages.at(-1)!;
    expect(mail.to).toBe(person.email);
    expect(mail.subject).toMatch(/already have an account/);
  });

  it("refuses a taken handle with a field error", async () => {
    const first = newPerson();
    await f.auth.signUpStart(first, device);
    await f.auth.signUpVerify({ email: first.email, code: codeFor(first.email) }, device);
    const error = await appErrorOf(f.auth.signUpStart({ ...newPerson(), handle: first.handle }, device));
    expect(error.code).toBe("CONFLICT");
    expect(error.details?.fieldErrors?.handle).toBeDefined();
  });

  it("signs in with the right password and says only 'wrong e-mail or password' otherwise", async () => {
    const person = newPerson();
    await f.auth.signUpStart(person, device);
    await f.auth.signUpVerify({ email: person.email, code: codeFor(person.email) }, device);
    const signedIn = await f.auth.signIn({ email: person.email, password: person.password }, device);
    expect(signedIn.me.handle).toBe(person.handle);
    const wrongPassword = await appErrorOf(f.auth.signIn({ email: person.email, password: "wrong password" }, device));
    const unknownEmail = await appErrorOf(
      f.auth.signIn({ email: "nobody@example.com", password: "whatever1" }, device),
    );
    expect(wrongPassword.code).toBe("UNAUTHENTICATED");
    expect([wrongPassword.message, unknownEmail.message]).toEqual([
      "Wrong e-mail or password",
      "Wrong e-mail or password",
    ]);

    await f.auth.signOut(await viewerOf(signedIn.token));
    expect(await f.sessions.validate(signedIn.token)).toBeNull();
  });

  it("rate limits sign-in per account, whatever the password, and says when to retry", async () => {
    const person = newPerson();
    await f.auth.signUpStart(person, device);
    await f.auth.signUpVerify({ email: person.email, code: codeFor(person.email) }, device);
    for (let i = 0; i < limits.signInPerAccount.limit; i++) {
      await appErrorOf(
        f.auth.signIn({ email: person.email, password: "wrong password" }, { ...device, ip: `10.0.0.${i}` }),
      );
    }
    const limited = await appErrorOf(f.auth.signIn({ email: person.email, password: person.password }, device));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.details?.retryAfterSeconds).toBeGreaterThan(0);
    advance(limits.signInPerAccount.windowMs);
    expect((await f.auth.signIn({ email: person.email, password: person.password }, device)).me.email).toBe(
      person.email,
    );
  });

  it("rate limits sign-in per IP across accounts", async () => {
    const ip = { ...device, ip: "192.0.2.7" };
    for (let i = 0; i < limits.signInPerIp.limit; i++) {
      await appErrorOf(f.auth.signIn({ email: `guess${i}@example.com`, password: "whatever1" }, ip));
    }
    expect((await appErrorOf(f.auth.signIn({ email: "another@example.com", password: "whatever1" }, ip))).code).toBe(
      "RATE_LIMITED",
    );
  });

  it("changes the password only with the current one, and ends every other session", async () => {
    const { person, first, viewer } = await signedUp();
    const other = await f.auth.signIn(
      { email: person.email, password: person.password },
      { ...device, userAgent: "phone" },
    );
    const revokedIds: string[] = [];
    const off = await f.bus.subscribe("sessions", (e) => {
      if (e.type === "session.revoked") revokedIds.push(...e.data.sessionIds);
    });

    const refused = await appErrorOf(
      f.auth.changePassword(viewer, { currentPassword: "nope", newPassword: "a new secret" }),
    );
    expect(refused.details?.fieldErrors?.currentPassword).toBeDefined();
    expect(await f.sessions.validate(other.token)).not.toBeNull();

    await f.auth.changePassword(viewer, { currentPassword: person.password, newPassword: "a new secret" });
    off();
    expect(await f.sessions.validate(first.token)).not.toBeNull();
    const otherId = other.token.split(".")[0]!;
    expect(await f.sessions.validate(other.token)).toBeNull();
    expect(revokedIds).toEqual([otherId]);
    await appErrorOf(f.auth.signIn({ email: person.email, password: person.password }, device));
    expect((await f.auth.signIn({ email: person.email, password: "a new secret" }, device)).me.id).toBe(viewer.userId);
  });

  it("lists my sessions, marks the current one, and ends only my own", async () => {
    const mine = await signedUp();
    const theirs = await signedUp();
    const second = await f.auth.signIn({ email: mine.person.email, password: mine.person.password }, device);
    const list = await f.auth.listSessions(mine.viewer);
    expect(list.map((s) => s.current).sort()).toEqual([false, true]);
    expect(list.find((s) => s.current)!.id).toBe(mine.viewer.sessionId);

    const error = await appErrorOf(f.auth.endSession(mine.viewer, theirs.viewer.sessionId));
    expect(error.code).toBe("NOT_FOUND");
    expect(await f.sessions.validate(theirs.first.token)).not.toBeNull();

    await f.auth.endSession(mine.viewer, second.token.split(".")[0]!);
    expect(await f.sessions.validate(second.token)).toBeNull();
  });
});
