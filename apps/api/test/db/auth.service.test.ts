import { beforeEach, describe, expect, it } from "vitest";
import { CODE_TTL_MS } from "../../src/domains/auth/auth-jobs.js";
import { limits } from "../../src/platform/rate-limit/limits.js";
import { appErrorOf, authFixture, device } from "../helpers/auth-fixture.js";

describe("e-mail sign-up, sign-in and sign-out", () => {
  const f = authFixture();
  const { advance, viewerOf, newPerson, signedUp, startSignUp } = f;
  beforeEach(() => advance(3600_000));

  it("mails a 6-digit code, stores only its hash, and creates the account when it is confirmed", async () => {
    const person = newPerson();
    const { started, code, browser } = await startSignUp(person);
    expect(JSON.stringify(started)).not.toMatch(/\b\d{6}\b/);
    expect(code).toMatch(/^\d{6}$/);
    const pending = await f.fresh.db.pendingSignUp.findFirstOrThrow({ where: { email: person.email } });
    expect(JSON.stringify(pending)).not.toContain(code);
    expect(await f.fresh.db.user.count({ where: { email: person.email } })).toBe(0);

    const session = await f.auth.signUpVerify({ email: person.email, code }, browser);
    expect(session.me).toMatchObject({ handle: person.handle, email: person.email });
    expect((await f.sessions.validate(session.token))?.session.userId).toBe(session.me.id);
    const user = await f.fresh.db.user.findUniqueOrThrow({ where: { email: person.email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await f.fresh.db.pendingSignUp.count({ where: { email: person.email } })).toBe(0);
  });

  it("refuses the 6th code after 5 wrong ones, even the right one", async () => {
    const person = newPerson();
    const { code, browser } = await startSignUp(person);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      expect((await appErrorOf(f.auth.signUpVerify({ email: person.email, code: wrong }, browser))).code).toBe(
        "VALIDATION",
      );
    }
    expect((await appErrorOf(f.auth.signUpVerify({ email: person.email, code }, browser))).code).toBe("RATE_LIMITED");
  });

  it("counts parallel wrong guesses exactly", async () => {
    const person = newPerson();
    const { code, browser } = await startSignUp(person);
    const wrong = code === "000000" ? "111111" : "000000";
    await Promise.allSettled(
      Array.from({ length: 12 }, () => f.auth.signUpVerify({ email: person.email, code: wrong }, browser)),
    );
    expect((await f.fresh.db.pendingSignUp.findFirstOrThrow({ where: { email: person.email } })).attempts).toBe(5);
  });

  it("expires a code after 10 minutes", async () => {
    const person = newPerson();
    const { code, browser } = await startSignUp(person);
    advance(CODE_TTL_MS);
    expect((await appErrorOf(f.auth.signUpVerify({ email: person.email, code }, browser))).message).toMatch(/expired/);
  });

  it("throttles resending from the same browser, then replaces that browser's code", async () => {
    const person = newPerson();
    const first = await startSignUp(person);
    const throttled = await appErrorOf(f.auth.signUpStart(person, first.browser));
    expect(throttled.code).toBe("RATE_LIMITED");
    expect(throttled.details?.retryAfterSeconds).toBeGreaterThan(0);
    advance(61_000);
    const n = f.mailCount(person.email) + 1;
    const again = await f.auth.signUpStart(person, first.browser);
    const second = /\b(\d{6})\b/.exec((await f.mailArrives(person.email, n)).subject)![1]!;
    const browser = { ...device, signUpToken: again.signUpToken };
    // The first sign-up of this browser is gone with its code.
    expect((await appErrorOf(f.auth.signUpVerify({ email: person.email, code: first.code }, first.browser))).code).toBe(
      "VALIDATION",
    );
    expect((await f.auth.signUpVerify({ email: person.email, code: second }, browser)).me.email).toBe(person.email);
  });

  it("lets a browser correct a typo in the address at once, and answers a taken handle as taken, not 429", async () => {
    // Found from outside: the resend wait applied to the browser whatever the address,
    // and was checked before the handle.
    const person = newPerson();
    const typo = { ...person, email: person.email.replace("@", "x@") };
    const mailed = f.mailCount(person.email);
    const first = await startSignUp(typo);
    const fixed = await f.auth.signUpStart(person, first.browser);
    expect(fixed.email).toBe(person.email);
    await f.mailArrives(person.email, mailed + 1);
    // The same address again within the minute waits, with the reason.
    const again = await appErrorOf(f.auth.signUpStart(person, { ...device, signUpToken: fixed.signUpToken }));
    expect([again.code, again.details?.retryAfterSeconds]).toEqual(["RATE_LIMITED", expect.any(Number)]);
    // A handle that is taken says so, even while the wait runs.
    const taken = (await signedUp()).person;
    const clash = await appErrorOf(
      f.auth.signUpStart({ ...person, handle: taken.handle }, { ...device, signUpToken: fixed.signUpToken }),
    );
    expect([clash.code, clash.details?.fieldErrors?.handle]).toEqual(["CONFLICT", [expect.stringMatching(/taken/i)]]);
  });

  it("gives the account the password of whoever proves the mailbox, never a stranger's", async () => {
    const owner = newPerson();
    const stranger = { ...owner, password: "stranger's password", handle: "stranger_pick" };
    // A stranger starts a sign-up with my address just before me, and again just after.
    const before = await startSignUp(stranger);
    const mine = await startSignUp(owner);
    const after = await startSignUp({ ...stranger, handle: "stranger_again" });

    // The codes that reached my mailbox for the stranger's sign-ups do nothing in my browser,
    // and my code does nothing in the stranger's browsers.
    for (const theirs of [before, after]) {
      expect(
        (await appErrorOf(f.auth.signUpVerify({ email: owner.email, code: theirs.code }, mine.browser))).code,
      ).toBe("VALIDATION");
      expect(
        (await appErrorOf(f.auth.signUpVerify({ email: owner.email, code: mine.code }, theirs.browser))).code,
      ).toBe("VALIDATION");
    }
    const account = await f.auth.signUpVerify({ email: owner.email, code: mine.code }, mine.browser);
    expect(account.me.handle).toBe(owner.handle);
    // My password opens it; the stranger's does not, and their pending sign-ups are gone.
    expect((await f.auth.signIn({ email: owner.email, password: owner.password }, device)).me.id).toBe(account.me.id);
    expect((await appErrorOf(f.auth.signIn({ email: owner.email, password: stranger.password }, device))).code).toBe(
      "UNAUTHENTICATED",
    );
    expect(await f.fresh.db.pendingSignUp.count({ where: { email: owner.email } })).toBe(0);
    expect((await appErrorOf(f.auth.signUpVerify({ email: owner.email, code: after.code }, after.browser))).code).toBe(
      "VALIDATION",
    );
  });

  it("answers a sign-up for a registered address exactly like a new one, with the same work, and tells the owner by mail", async () => {
    const { person } = await signedUp();
    advance(3600_000);
    const newcomer = newPerson();
    const run = async (who: { email: string; password: string; handle: string; displayName: string }) => {
      const n = f.mailCount(who.email) + 1;
      f.fresh.queries.length = 0;
      const answer = await f.auth.signUpStart(who, device);
      const statements = f.fresh.queries.map((sql) => sql.replace(/\s+/g, " "));
      return { answer, statements, mail: await f.mailArrives(who.email, n) };
    };
    const registered = await run({ ...person, handle: "someone_else" });
    const fresh = await run(newcomer);
    expect(Object.keys(registered.answer).sort()).toEqual(Object.keys(fresh.answer).sort());
    expect(Object.keys(registered.answer).sort()).toEqual([
      "codeExpiresAt",
      "email",
      "resendAfterSeconds",
      "signUpToken",
    ]);
    // The request runs the same statements either way (and hashes the password either way).
    expect(registered.statements).toEqual(fresh.statements);
    expect(registered.mail.subject).toMatch(/already have an account/);
    expect(fresh.mail.subject).toMatch(/your code is \d{6}/);

    // A taken handle is refused the same way for both addresses.
    const taken = [person.email, newPerson().email].map((email) =>
      appErrorOf(f.auth.signUpStart({ ...newPerson(), email, handle: person.handle }, device)),
    );
    for (const error of await Promise.all(taken)) {
      expect(error.code).toBe("CONFLICT");
      expect(error.details?.fieldErrors?.handle).toBeDefined();
    }
  });

  it("limits the mail one address can be sent, whoever asks and whether or not it has an account", async () => {
    const { person } = await signedUp();
    advance(3600_000);
    for (const email of [person.email, newPerson().email]) {
      const outcomes: string[] = [];
      for (let i = 0; i < limits.mailPerAddress.limit + 1; i++) {
        const ip = { ...device, ip: `198.51.100.${i}` };
        outcomes.push(
          await f.auth.signUpStart({ ...newPerson(), email }, ip).then(
            () => "ok",
            (e: { code: string }) => e.code,
          ),
        );
      }
      expect(outcomes).toEqual([...Array<string>(limits.mailPerAddress.limit).fill("ok"), "RATE_LIMITED"]);
    }
  });

  it("signs in with the right password and says only 'wrong e-mail or password' otherwise", async () => {
    const { person } = await signedUp();
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
    const { person } = await signedUp();
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

  it("lets a browser that signed in before through while strangers have locked the account", async () => {
    const { person } = await signedUp();
    // Her browser signed in once: it carries the device cookie from then on.
    const hers = { ...device, ip: "203.0.113.50" };
    const before = await f.auth.signIn({ email: person.email, password: person.password }, hers);
    const herBrowser = { ...hers, deviceToken: before.deviceToken };
    expect(before.deviceToken).toMatch(/^[0-9a-f-]{36}\.[a-z2-9]{24}$/);
    advance(limits.signInPerAccount.windowMs);

    // Ten wrong passwords from eight addresses lock the account for unknown clients…
    for (let i = 0; i < limits.signInPerAccount.limit; i++) {
      await appErrorOf(
        f.auth.signIn({ email: person.email, password: "guess " + i }, { ...device, ip: `10.9.0.${i % 8}` }),
      );
    }
    const stranger = await appErrorOf(
      f.auth.signIn({ email: person.email, password: "another guess" }, { ...device, ip: "10.9.1.1" }),
    );
    expect(stranger.code).toBe("RATE_LIMITED");
    // …also for a browser whose cookie belongs to another account, or is forged…
    const other = await signedUp();
    const otherDevice = (await f.auth.signIn({ email: other.person.email, password: other.person.password }, device))
      .deviceToken;
    for (const deviceToken of [otherDevice, `${before.deviceToken!.split(".")[0]}.aaaaaaaaaaaaaaaaaaaaaaaa`]) {
      expect(
        (
          await appErrorOf(
            f.auth.signIn({ email: person.email, password: person.password }, { ...device, deviceToken }),
          )
        ).code,
      ).toBe("RATE_LIMITED");
    }
    // …but not for her own browser, on a new address, with the right password.
    const owner = await f.auth.signIn(
      { email: person.email, password: person.password },
      { ...herBrowser, ip: "198.51.100.99" },
    );
    expect(owner.me.email).toBe(person.email);
    // Her browser still has an allowance of its own: guessing from it is limited too.
    for (let i = 0; i < limits.signInPerAccount.limit; i++) {
      await appErrorOf(f.auth.signIn({ email: person.email, password: "typo " + i }, herBrowser));
    }
    expect((await appErrorOf(f.auth.signIn({ email: person.email, password: person.password }, herBrowser))).code).toBe(
      "RATE_LIMITED",
    );
  });

  it("rate limits password checks in changePassword like sign-in, so one user cannot starve hashing", async () => {
    const { person, viewer } = await signedUp();
    const outcomes = await Promise.all(
      Array.from({ length: limits.signInPerAccount.limit + 5 }, () =>
        f.auth.changePassword(viewer, { currentPassword: "wrong", newPassword: "whatever new" }).then(
          () => "changed",
          (e: { code: string }) => e.code,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "VALIDATION")).toHaveLength(limits.signInPerAccount.limit);
    expect(outcomes.filter((o) => o === "RATE_LIMITED")).toHaveLength(5);
    expect(
      (await appErrorOf(f.auth.changePassword(viewer, { currentPassword: person.password, newPassword: "x new one" })))
        .code,
    ).toBe("RATE_LIMITED");
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

    const error = await appErrorOf(f.auth.endSession(mine.viewer, { sessionId: theirs.viewer.sessionId }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await f.sessions.validate(theirs.first.token)).not.toBeNull();

    await f.auth.endSession(mine.viewer, { sessionId: second.token.split(".")[0]! });
    expect(await f.sessions.validate(second.token)).toBeNull();
  });
});
