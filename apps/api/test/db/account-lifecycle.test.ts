import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { FRESH_SIGN_IN_MS } from "../../src/domains/auth/use-cases/delete-account.js";
import { RESET_TTL_MS } from "../../src/domains/auth/auth-jobs.js";
import { appErrorOf, authFixture, device } from "../helpers/auth-fixture.js";
import { createPostService } from "../../src/domains/posts/post.service.js";
import { createSocialService } from "../../src/domains/social/social.service.js";
import { createChatBlockListener } from "../../src/domains/chat/chat-block-listener.js";
import { createCommentService } from "../../src/domains/comments/comment.service.js";
import { createStudyService } from "../../src/domains/studies/study.service.js";
import { testGuard } from "../helpers/guard.js";

const resetTokenIn = (text: string | undefined) => /#token=([^\s]+)/.exec(text ?? "")?.[1] ?? "";

describe("password reset, account deletion and sign-in methods", () => {
  const f = authFixture();
  beforeEach(() => f.advance(3600_000));

  async function requestReset(email: string) {
    const n = f.mailCount(email) + 1;
    await f.auth.requestPasswordReset({ email }, device);
    return resetTokenIn((await f.mailArrives(email, n)).text);
  }

  it("mails a single-use link that sets the password and ends every session", async () => {
    const { person, first } = await f.signedUp();
    const other = await f.auth.signIn({ email: person.email, password: person.password }, device);
    const revoked: string[] = [];
    const off = await f.bus.subscribe("sessions", (e) => {
      if (e.type === "session.revoked") revoked.push(...e.data.sessionIds);
    });

    const token = await requestReset(person.email);
    expect(f.mailTo(person.email)!.text).toContain("https://orgo.test/reset-password#token=");
    const row = await f.fresh.db.passwordReset.findFirstOrThrow({ where: { user: { email: person.email } } });
    expect(JSON.stringify(row)).not.toContain(token.split(".")[1]);

    const after = await f.auth.resetPassword({ token, newPassword: "brand new secret" }, device);
    off();
    expect(after.me.email).toBe(person.email);
    expect(await f.sessions.validate(first.token)).toBeNull();
    expect(await f.sessions.validate(other.token)).toBeNull();
    expect(revoked.sort()).toEqual([first.token, other.token].map((t) => t.split(".")[0]).sort());
    expect(await f.sessions.validate(after.token)).not.toBeNull();

    const again = await appErrorOf(f.auth.resetPassword({ token, newPassword: "another secret" }, device));
    expect(again.code).toBe("VALIDATION");
    await appErrorOf(f.auth.signIn({ email: person.email, password: person.password }, device));
    expect((await f.auth.signIn({ email: person.email, password: "brand new secret" }, device)).me.id).toBe(
      after.me.id,
    );
  });

  it("lets only one of two parallel uses of a link through", async () => {
    const { person } = await f.signedUp();
    const token = await requestReset(person.email);
    const results = await Promise.allSettled([
      f.auth.resetPassword({ token, newPassword: "first of two" }, device),
      f.auth.resetPassword({ token, newPassword: "second of two" }, device),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses an expired link, a forged secret and an older link once a newer one was used", async () => {
    const { person } = await f.signedUp();
    const old = await requestReset(person.email);
    f.advance(61_000);
    const newer = await requestReset(person.email);
    const [id] = newer.split(".");
    const forged = `${id}.${"a".repeat(24)}`;
    expect((await appErrorOf(f.auth.resetPassword({ token: forged, newPassword: "whatever1" }, device))).code).toBe(
      "VALIDATION",
    );
    await f.auth.resetPassword({ token: newer, newPassword: "newest password" }, device);
    expect((await appErrorOf(f.auth.resetPassword({ token: old, newPassword: "whatever1" }, device))).code).toBe(
      "VALIDATION",
    );

    const late = await requestReset(person.email);
    f.advance(RESET_TTL_MS);
    expect((await appErrorOf(f.auth.resetPassword({ token: late, newPassword: "whatever1" }, device))).code).toBe(
      "VALIDATION",
    );
  });

  it("answers a reset for an unknown address the same way, with the same work, and mails nobody", async () => {
    const { person } = await f.signedUp();
    const statementsOf = async (email: string) => {
      f.fresh.queries.length = 0;
      await expect(f.auth.requestPasswordReset({ email }, device)).resolves.toBeUndefined();
      return f.fresh.queries.map((sql) => sql.replace(/\s+/g, " "));
    };
    const n = f.mailCount(person.email) + 1;
    const known = await statementsOf(person.email);
    const unknown = await statementsOf("ghost@example.com");
    // The request only queues a job; whether the address has an account is the job's business.
    expect(unknown).toEqual(known);
    expect(known.join(" ")).not.toMatch(/"User"|"PasswordReset"/);
    await f.mailArrives(person.email, n);
    // Both jobs are done (none left queued), and the ghost got nothing.
    await expect
      .poll(
        async () => (await f.fresh.db.$queryRaw<{ n: bigint }[]>`select count(*) as n from graphile_worker.jobs`)[0]!.n,
      )
      .toBe(0n);
    expect(f.mailCount("ghost@example.com")).toBe(0);
  });

  it("rate limits reset requests per account", async () => {
    const { person } = await f.signedUp();
    for (let i = 0; i < 3; i++)
      await f.auth.requestPasswordReset({ email: person.email }, { ...device, ip: `10.1.0.${i}` });
    expect((await appErrorOf(f.auth.requestPasswordReset({ email: person.email }, device))).code).toBe("RATE_LIMITED");
  });

  it("deletes an account only with the password and the typed handle, and takes everything with it", async () => {
    const { person, first, viewer } = await f.signedUp();
    const other = await f.auth.signIn({ email: person.email, password: person.password }, device);
    await f.fresh.db.post.create({ data: { authorId: viewer.userId, title: "mine", body: "soon gone" } });
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#3a7" } })
      .png()
      .toBuffer();
    const withAvatar = await f.users.setAvatar(viewer, png);
    const avatarFile = path.join(f.storage.root, f.storage.keyOf(withAvatar.avatarUrl!)!);
    expect(existsSync(avatarFile)).toBe(true);

    const wrongHandle = await appErrorOf(
      f.auth.deleteAccount(viewer, { password: person.password, confirmHandle: "someone" }),
    );
    expect(wrongHandle.details?.fieldErrors?.confirmHandle).toBeDefined();
    const wrongPassword = await appErrorOf(
      f.auth.deleteAccount(viewer, { password: "not it", confirmHandle: person.handle }),
    );
    expect(wrongPassword.details?.fieldErrors?.password).toBeDefined();
    expect(await f.fresh.db.user.count({ where: { id: viewer.userId } })).toBe(1);

    const revoked: string[] = [];
    const off = await f.bus.subscribe("sessions", (e) => {
      if (e.type === "session.revoked") revoked.push(...e.data.sessionIds);
    });
    await f.auth.deleteAccount(viewer, { password: person.password, confirmHandle: person.handle.toUpperCase() });
    off();
    const db = f.fresh.db;
    const left = await Promise.all([
      db.user.count({ where: { id: viewer.userId } }),
      db.post.count({ where: { authorId: viewer.userId } }),
      db.session.count({ where: { userId: viewer.userId } }),
      db.upload.count({ where: { ownerId: viewer.userId } }),
      db.passwordReset.count({ where: { userId: viewer.userId } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0]);
    expect(existsSync(avatarFile)).toBe(false);
    expect(revoked.sort()).toEqual([first.token, other.token].map((t) => t.split(".")[0]).sort());
    // The address and handle are free again.
    await f.startSignUp({ ...person });
  });

  it("recounts the followers, likes and comments that a deleted account leaves behind", async () => {
    const leaving = await f.signedUp();
    const staying = await f.signedUp();
    const deps = {
      db: f.fresh.db,
      bus: f.bus,
      storage: f.storage,
      ...testGuard({ db: f.fresh.db, bus: f.bus, storage: f.storage }),
    };
    const posts = createPostService(deps);
    const social = createSocialService({ ...deps, blockListeners: [createChatBlockListener(deps)] });
    const comments = createCommentService(deps);
    const post = await posts.create(staying.viewer, { title: "Stays", body: "x", imageIds: [] });
    await social.follow(leaving.viewer, staying.viewer.userId);
    await social.follow(staying.viewer, leaving.viewer.userId);
    await posts.like(leaving.viewer, post.id);
    const question = await comments.create(leaving.viewer, { postId: post.id, body: "Question" });
    await comments.create(staying.viewer, { postId: post.id, parentId: question.id, body: "Answer" });
    await comments.create(staying.viewer, { postId: post.id, body: "Own note" });

    await f.auth.deleteAccount(leaving.viewer, {
      password: leaving.person.password,
      confirmHandle: leaving.person.handle,
    });
    const user = await f.fresh.db.user.findUniqueOrThrow({ where: { id: staying.viewer.userId } });
    expect([user.followerCount, user.followingCount]).toEqual([0, 0]);
    const after = await posts.byId(post.id, null);
    // The reply under the deleted comment went with its thread; the own note stays.
    expect([after.likeCount, after.commentCount]).toEqual([0, 1]);
    expect(await f.fresh.db.notification.count({ where: { actorId: leaving.viewer.userId } })).toBe(0);
  });

  it("takes a deleted learner's mentoring ratings out of their mentor's average", async () => {
    const leaving = await f.signedUp();
    const mentor = await f.signedUp();
    const db = f.fresh.db;
    await db.mentorProfile.create({
      data: {
        userId: mentor.viewer.userId,
        topics: ["sql"],
        languages: ["en"],
        pitch: "SQL",
        timeZone: "Asia/Seoul",
        capacity: 2,
        slots: [],
        ratingSum: 9,
        ratingCount: 2,
      },
    });
    const startsAt = new Date(Date.now() - 3 * 3600_000);
    const room = await db.chatRoom.create({ data: { kind: "direct", directKey: `${leaving.viewer.userId}:x` } });
    for (const [learnerId, rating] of [
      [leaving.viewer.userId, 5],
      [(await f.signedUp()).viewer.userId, 4],
    ] as const) {
      const request = await db.mentorRequest.create({
        data: {
          mentorId: mentor.viewer.userId,
          learnerId,
          topic: "sql",
          message: "x",
          lengthMinutes: 30,
          proposedTimes: [startsAt],
          status: "accepted",
          expiresAt: startsAt,
        },
      });
      await db.mentorMeeting.create({
        data: {
          requestId: request.id,
          mentorId: mentor.viewer.userId,
          learnerId,
          roomId: room.id,
          startsAt,
          lengthMinutes: 30,
          rating,
          ratedAt: new Date(),
        },
      });
    }
    await f.auth.deleteAccount(leaving.viewer, {
      password: leaving.person.password,
      confirmHandle: leaving.person.handle,
    });
    const profile = await db.mentorProfile.findUniqueOrThrow({ where: { userId: mentor.viewer.userId } });
    expect([profile.ratingSum, profile.ratingCount]).toEqual([4, 1]);
  });

  it("closes the studies a deleted account led, and frees the seats of those it joined", async () => {
    const leading = await f.signedUp();
    const joining = await f.signedUp();
    const staying = await f.signedUp();
    const studies = createStudyService({
      db: f.fresh.db,
      bus: f.bus,
      publicOrigin: () => "https://orgo.test",
      ...testGuard({ db: f.fresh.db, bus: f.bus, storage: f.storage }),
    });
    const plan = {
      title: "Rust",
      description: "x",
      startsOn: "2099-01-01",
      endsOn: "2099-02-01",
      online: true,
      capacity: 5,
      tags: [],
      timeZone: "Asia/Seoul",
      requiresApproval: false,
    };
    const led = await studies.create(leading.viewer, plan);
    const other = await studies.create(staying.viewer, plan);
    await studies.join(joining.viewer, { id: other.id });
    await studies.join(staying.viewer, { id: led.id });

    for (const gone of [leading, joining]) {
      await f.auth.deleteAccount(gone.viewer, { password: gone.person.password, confirmHandle: gone.person.handle });
    }
    const closed = await studies.byId({ id: led.id }, staying.viewer);
    expect([closed.leader, closed.status, closed.me.role]).toEqual([null, "closed", "member"]);
    const freed = await studies.byId({ id: other.id }, staying.viewer);
    expect(freed.memberCount).toBe(1);
    expect(await f.fresh.db.chatMember.count({ where: { userId: joining.viewer.userId } })).toBe(0);
  });

  it("asks an account without a password for a fresh sign-in before deleting it", async () => {
    const { viewer } = await f.signedUp();
    await f.fresh.db.user.update({ where: { id: viewer.userId }, data: { passwordHash: null } });
    const handle = (await f.fresh.db.user.findUniqueOrThrow({ where: { id: viewer.userId } })).handle;
    const stale = { ...viewer, signedInAtMs: f.clock.getTime() - FRESH_SIGN_IN_MS - 1000 };
    expect((await appErrorOf(f.auth.deleteAccount(stale, { confirmHandle: handle }))).code).toBe("FORBIDDEN");
    await f.auth.deleteAccount({ ...viewer, signedInAtMs: f.clock.getTime() }, { confirmHandle: handle });
    expect(await f.fresh.db.user.count({ where: { id: viewer.userId } })).toBe(0);
  });

  it("never unlinks the last way to sign in", async () => {
    const { viewer } = await f.signedUp();
    await f.fresh.db.oAuthAccount.create({
      data: { provider: "github", providerUserId: "gh-1", userId: viewer.userId },
    });
    // With a password, the provider may go.
    await f.auth.unlinkProvider(viewer, { provider: "github" });
    expect(await f.fresh.db.oAuthAccount.count({ where: { userId: viewer.userId } })).toBe(0);

    await f.fresh.db.oAuthAccount.create({
      data: { provider: "github", providerUserId: "gh-1", userId: viewer.userId },
    });
    await f.fresh.db.user.update({ where: { id: viewer.userId }, data: { passwordHash: null } });
    expect((await appErrorOf(f.auth.unlinkProvider(viewer, { provider: "github" }))).code).toBe("CONFLICT");
    expect((await f.auth.me(viewer))!.linkedProviders).toEqual(["github"]);
  });
});
