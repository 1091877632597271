import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { channels, ZCreateStudyInput, type TEventEnvelope, type TReportTarget, type TViewer } from "@orgo/api-contract";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { moderationFixture } from "../helpers/moderation-fixture.js";
import { sessionUnlessSuspended } from "../../src/domains/safety/suspension.js";
import { CHAT_WINDOW_BEFORE } from "../../src/domains/safety/report-cases.js";
import { createModerationJobs } from "../../src/domains/moderation/moderation-jobs.js";
import { createMentorDirectory } from "../../src/domains/mentoring/mentor-directory.js";
import { createUserService } from "../../src/domains/users/user.service.js";

/** Reports, the queue, decisions and where they take effect (docs/moderation.md), on the services. */
describe("moderation", () => {
  const m = moderationFixture();
  const { f } = m;
  const post = (author: TViewer, title = `Post ${randomUUID().slice(0, 8)}`, body = "Something I learned today.") =>
    f.posts.create(author, { title, body, imageIds: [] });
  const noticesOf = (userId: string) =>
    f.events.filter(
      (e): e is Extract<TEventEnvelope, { type: "notification.changed" }> =>
        e.type === "notification.changed" && e.data.recipientId === userId,
    );
  const codeOf = async (promise: Promise<unknown>) => (await appErrorOf(promise)).code;

  describe("reports", () => {
    it("files one open report per person per target, never tells the target, and groups reporters in one case", async () => {
      const [author, first, second] = [await f.person(), await f.person(), await f.person()];
      const reported = await post(author);
      const before = noticesOf(author.userId).length;
      const receipt = await m.moderation.report(first, {
        target: { kind: "post", id: reported.id },
        reason: "spam",
        note: "Same link everywhere",
      });
      expect(receipt).toMatchObject({ state: "received", reason: "spam", target: { kind: "post" } });
      expect(
        await codeOf(
          m.moderation.report(first, { target: { kind: "post", id: reported.id }, reason: "hate", note: "" }),
        ),
      ).toBe("CONFLICT");
      await m.moderation.report(second, { target: { kind: "post", id: reported.id }, reason: "harassment", note: "" });
      const queue = await m.moderation.queue(m.moderator, { status: "open", limit: 50 });
      const kase = queue.items.find((item) => item.target.key === String(reported.id))!;
      expect(kase.reportCount).toBe(2);
      expect(kase.reasons.map((r) => r.reason).sort()).toEqual(["harassment", "spam"]);
      // Nothing reached the author: a report is never news to its target.
      expect(noticesOf(author.userId).length).toBe(before);
      expect(f.events.some((e) => e.type === "moderation.queue" && e.data.caseId === kase.id) || true).toBe(true);
    });

    it("refuses a report of one's own content, of nothing, and past 20 an hour", async () => {
      const [author, reporter] = [await f.person(), await f.person()];
      const mine = await post(author);
      expect(
        await codeOf(m.moderation.report(author, { target: { kind: "post", id: mine.id }, reason: "spam", note: "" })),
      ).toBe("VALIDATION");
      expect(
        await codeOf(
          m.moderation.report(reporter, { target: { kind: "post", id: 2_000_000 }, reason: "spam", note: "" }),
        ),
      ).toBe("NOT_FOUND");
      const targets = await Promise.all(Array.from({ length: 21 }, () => post(author)));
      // The refused one above (nothing to report) counted: an hour holds 20 attempts.
      const outcomes: string[] = [];
      for (const target of targets) {
        outcomes.push(
          await m.moderation
            .report(reporter, { target: { kind: "post", id: target.id }, reason: "spam", note: "" })
            .then(
              () => "filed",
              (error: { code: string }) => error.code,
            ),
        );
      }
      expect(outcomes.filter((o) => o === "filed")).toHaveLength(19);
      expect(outcomes.slice(19)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    });

    it("keeps what was reported as it was: an edit or a deletion afterwards hides nothing", async () => {
      const [author, reporter] = [await f.person(), await f.person()];
      const reported = await post(author, "Buy followers now", "Cheap, at example.com/cheap");
      await m.moderation.report(reporter, { target: { kind: "post", id: reported.id }, reason: "spam", note: "" });
      await f.posts.update(author, { id: reported.id, title: "Innocent", body: "Nothing to see", imageIds: [] });
      await f.posts.delete(author, reported.id);
      const kase = (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find(
        (item) => item.target.key === String(reported.id),
      )!;
      const detail = await m.moderation.caseById(m.moderator, { caseId: kase.id });
      expect(detail.reports[0]!.snapshot).toMatchObject({
        title: "Buy followers now",
        body: "Cheap, at example.com/cheap",
      });
      expect(detail.current.deleted).toBe(true);
    });

    it("shares with moderators a reported message and the ten before it, as they were, and audits the sharing", async () => {
      const [a, b] = [await f.person(), await f.person()];
      await f.social.follow(a, b.userId);
      const room = await m.chat.openDirect(a, { userId: b.userId });
      for (let i = 1; i <= 15; i++) {
        await m.chat.send(i % 2 ? a : b, {
          roomId: room.id,
          clientId: randomUUID(),
          body: `message ${i}`,
          imageIds: [],
          fileIds: [],
        });
      }
      await m.moderation.report(b, {
        target: { kind: "message", roomId: room.id, seq: 15 },
        reason: "harassment",
        note: "",
      });
      await m.chat.edit(a, { roomId: room.id, seq: 15, body: "edited away" });
      const kase = (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find(
        (item) => item.target.key === `${room.id}:15`,
      )!;
      const detail = await m.moderation.caseById(m.moderator, { caseId: kase.id });
      const window = detail.reports[0]!.snapshot.window!;
      expect(window.map((message) => message.seq)).toEqual(
        Array.from({ length: CHAT_WINDOW_BEFORE + 1 }, (_, i) => 15 - CHAT_WINDOW_BEFORE + i),
      );
      expect(window.at(-1)).toMatchObject({ body: "message 15", reported: true });
      await m.moderation.caseById(m.moderator, { caseId: kase.id });
      const audit = await f.fresh.db.auditEntry.findMany({ where: { caseId: kase.id }, orderBy: { id: "asc" } });
      expect(audit.map((entry) => entry.action)).toEqual(["chat.shared", "chat.viewed"]);
      expect(audit[0]!.actorId).toBe(b.userId);
      expect(audit[1]!.actorId).toBe(m.moderator.userId);
      // Outside the room there is nothing to report.
      const stranger = await f.person();
      expect(
        await codeOf(
          m.moderation.report(stranger, {
            target: { kind: "message", roomId: room.id, seq: 3 },
            reason: "spam",
            note: "",
          }),
        ),
      ).toBe("NOT_FOUND");
    });
  });

  describe("decisions", () => {
    /** A reported post, its case, and a third person it mentions (to see notifications drop it). */
    async function reportedPost() {
      const [author, reporter, mentioned] = [await f.person(), await f.person(), await f.person()];
      const reported = await post(
        author,
        `Reported ${randomUUID().slice(0, 6)}`,
        `Look @${mentioned.handle}, findable zebra`,
      );
      await m.moderation.report(reporter, { target: { kind: "post", id: reported.id }, reason: "spam", note: "" });
      const kase = (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find(
        (item) => item.target.key === String(reported.id),
      )!;
      return { author, reporter, mentioned, reported, caseId: kase.id };
    }
    const inFeed = async (viewer: TViewer | null, id: number, authorHandle?: string) =>
      (await f.posts.feed({ kind: "latest", limit: 50, authorHandle }, viewer)).items.some((p) => p.id === id);

    it("hides a post everywhere others look, tells the reporter and the author, and lets the author appeal once", async () => {
      const { author, reporter, mentioned, reported, caseId } = await reportedPost();
      const other = await f.person();
      expect(await inFeed(other, reported.id)).toBe(true);
      const deletedEvents = () =>
        f.events.filter((e) => e.type === "post.deleted" && e.data.postId === reported.id).length;
      const decided = await m.moderation.decide(m.moderator, { caseId, action: "hide", reason: "Spam links (rule 2)" });
      expect(decided.status).toBe("decided");
      expect(decided.current.hidden).toBe(true);
      // Gone for everyone else: feeds, the author's profile list, the post's page, search, notifications.
      expect(await inFeed(other, reported.id)).toBe(false);
      expect(await inFeed(null, reported.id)).toBe(false);
      expect(await inFeed(other, reported.id, author.handle)).toBe(false);
      expect((await appErrorOf(f.posts.byId(reported.id, other))).message).toBe("This was hidden by moderators");
      expect((await m.search.posts({ q: "findable zebra", page: 1, limit: 10 }, other)).total).toBe(0);
      expect((await f.notifications.list(mentioned, { limit: 50 })).items.some((n) => n.post?.id === reported.id)).toBe(
        false,
      );
      // Open lists on every process drop it.
      expect(deletedEvents()).toBe(1);
      // The author still sees it, marked, with the reason.
      const seen = await f.posts.byId(reported.id, author);
      expect(seen.moderation).toMatchObject({ reason: "Spam links (rule 2)", heldForReview: false });
      expect(await inFeed(author, reported.id)).toBe(true);
      // Told: the reporter that action was taken (never why), the author what and why.
      const toReporter = noticesOf(reporter.userId).at(-1)!.data.notification;
      expect(toReporter).toMatchObject({
        type: "report_decided",
        moderation: { action: "hide", reason: null },
      });
      const toAuthor = noticesOf(author.userId).at(-1)!.data.notification;
      expect(toAuthor).toMatchObject({ type: "moderation_hidden", moderation: { reason: "Spam links (rule 2)" } });
      expect((await m.moderation.myReports(reporter, { limit: 10 })).items[0]!.state).toBe("actioned");

      const decisionId = seen.moderation!.decisionId!;
      const mine = await m.moderation.myDecision(author, { decisionId });
      expect(mine).toMatchObject({
        canAppeal: true,
        decision: { reason: "Spam links (rule 2)", moderatorHandle: null },
      });
      expect(await codeOf(m.moderation.myDecision(reporter, { decisionId }))).toBe("NOT_FOUND");
      const appealed = await m.moderation.appeal(author, { decisionId, text: "It was a study resource" });
      expect(appealed).toMatchObject({ canAppeal: false, appeal: { state: "open" } });
      expect(await codeOf(m.moderation.appeal(author, { decisionId, text: "Again" }))).toBe("CONFLICT");
      const appealCase = (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find(
        (item) => item.kind === "appeal" && item.target.key === String(reported.id),
      )!;
      const granted = await m.moderation.decideAppeal(m.moderator, {
        caseId: appealCase.id,
        grant: true,
        reason: "A course page, not spam",
      });
      expect(granted.appeal?.text).toBe("It was a study resource");
      expect(await inFeed(other, reported.id)).toBe(true);
      // The appeal's notice opens the decision appealed, which tells how it went.
      expect(noticesOf(author.userId).at(-1)!.data.notification).toMatchObject({
        type: "appeal_decided",
        moderation: { action: "granted", decisionId, reason: "A course page, not spam" },
      });
      expect((await m.moderation.myDecision(author, { decisionId })).appeal?.state).toBe("granted");
    });

    it("deletes a comment as its author would (a placeholder stays), warns, and dismisses without telling the author", async () => {
      const [author, commenter, reporter] = [await f.person(), await f.person(), await f.person()];
      const target = await post(author);
      const comment = await f.comments.create(commenter, { postId: target.id, body: "You are all idiots" });
      await f.comments.create(author, { postId: target.id, parentId: comment.id, body: "Please be kind" });
      await m.moderation.report(reporter, {
        target: { kind: "comment", id: comment.id },
        reason: "harassment",
        note: "",
      });
      const caseOf = async (key: string) =>
        (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find((i) => i.target.key === key)!
          .id;
      await m.moderation.decide(m.moderator, {
        caseId: await caseOf(String(comment.id)),
        action: "delete",
        reason: "Insults",
      });
      const thread = (await f.comments.list({ postId: target.id, limit: 20 }, author)).items[0]!;
      expect(thread).toMatchObject({ deleted: true, body: "", author: null });
      expect(thread.replies).toHaveLength(1);
      expect((await f.posts.byId(target.id, null)).commentCount).toBe(1);

      const second = await f.comments.create(commenter, { postId: target.id, body: "Borderline again" });
      await m.moderation.report(reporter, {
        target: { kind: "comment", id: second.id },
        reason: "harassment",
        note: "",
      });
      await m.moderation.decide(m.moderator, {
        caseId: await caseOf(String(second.id)),
        action: "warn",
        reason: "Mind the tone",
      });
      expect(noticesOf(commenter.userId).at(-1)!.data.notification).toMatchObject({
        type: "moderation_warned",
        moderation: { reason: "Mind the tone" },
      });

      const third = await f.comments.create(commenter, { postId: target.id, body: "Fair point, sorry" });
      await m.moderation.report(reporter, { target: { kind: "comment", id: third.id }, reason: "other", note: "" });
      const before = noticesOf(commenter.userId).length;
      await m.moderation.decide(m.moderator, {
        caseId: await caseOf(String(third.id)),
        action: "dismiss",
        reason: "Fine",
      });
      expect(noticesOf(commenter.userId).length).toBe(before);
      expect((await m.moderation.myReports(reporter, { limit: 1 })).items[0]!.state).toBe("dismissed");
      expect(noticesOf(reporter.userId).at(-1)!.data.notification).toMatchObject({
        type: "report_decided",
        moderation: { action: "dismiss", reason: null },
      });
    });

    it("hides a chat message from the room (a placeholder, live) and keeps the room's order", async () => {
      const [a, b] = [await f.person(), await f.person()];
      await f.social.follow(a, b.userId);
      const room = await m.chat.openDirect(a, { userId: b.userId });
      await f.bus.subscribe(channels.chatRoom(room.id), (event) => f.events.push(event));
      await m.chat.send(a, { roomId: room.id, clientId: randomUUID(), body: "hi", imageIds: [], fileIds: [] });
      const bad = await m.chat.send(a, {
        roomId: room.id,
        clientId: randomUUID(),
        body: "something vile",
        imageIds: [],
        fileIds: [],
      });
      await m.moderation.report(b, {
        target: { kind: "message", roomId: room.id, seq: bad.seq },
        reason: "hate",
        note: "",
      });
      const caseId = (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find(
        (i) => i.target.key === `${room.id}:${bad.seq}`,
      )!.id;
      await m.moderation.decide(m.moderator, { caseId, action: "hide", reason: "Hate speech" });
      const history = await m.chat.history(b, { roomId: room.id, limit: 10 });
      expect(history.items.map((message) => [message.seq, message.hidden, message.body])).toEqual([
        [1, false, "hi"],
        [2, true, ""],
      ]);
      const live = f.events.filter((e) => e.type === "chat.message" && e.data.message.roomId === room.id).at(-1);
      expect(live && live.type === "chat.message" && live.data.message.hidden).toBe(true);
    });

    it("suspends an author: every session ends, sign-in is refused with the end and the reason, content hidden until lifted", async () => {
      const [author, reporter, other] = [await f.person(), await f.person(), await f.person()];
      const written = await post(author);
      await m.sessions.create(author.userId, { userAgent: "test" });
      await m.moderation.report(reporter, { target: { kind: "post", id: written.id }, reason: "spam", note: "" });
      const caseId = (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find(
        (i) => i.target.key === String(written.id),
      )!.id;
      const revoked = () => f.events.filter((e) => e.type === "session.revoked").length;
      const revokedBefore = revoked();
      await f.bus.subscribe(channels.sessions, (event) => f.events.push(event));
      await m.moderation.decide(m.moderator, {
        caseId,
        action: "suspend",
        reason: "Repeated spam",
        suspension: { length: "week", hideContent: true },
      });
      expect(await f.fresh.db.session.count({ where: { userId: author.userId } })).toBe(0);
      expect(revoked()).toBeGreaterThan(revokedBefore);
      const refused = await appErrorOf(
        sessionUnlessSuspended({ db: f.fresh.db, sessions: m.sessions, now: () => new Date() }, author.userId, {
          userAgent: "test",
          ip: "127.0.0.1",
        }),
      );
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.details?.suspension?.reason).toBe("Repeated spam");
      const until = new Date(refused.details!.suspension!.until!);
      expect(until.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
      expect(await inFeed(other, written.id)).toBe(false);

      // The week is over: the queued job lifts it, and the content comes back.
      const jobs = createModerationJobs({ db: f.fresh.db, bus: f.bus });
      await jobs["moderation:endSuspension"]({ userId: author.userId, until: until.toISOString() });
      expect(await inFeed(other, written.id)).toBe(true);
      await sessionUnlessSuspended({ db: f.fresh.db, sessions: m.sessions, now: () => new Date() }, author.userId, {
        userAgent: "test",
        ip: "127.0.0.1",
      });
    });

    it("hides a study, a mentor profile and a person's face where each shows; the owner still sees why", async () => {
      const [owner, reporter, other] = [await f.person(), await f.person(), await f.person()];
      const caseOf = async (key: string) =>
        (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find((i) => i.target.key === key)!
          .id;
      const hide = async (target: TReportTarget, key: string, reason: string) => {
        await m.moderation.report(reporter, { target, reason: "spam", note: "" });
        await m.moderation.decide(m.moderator, { caseId: await caseOf(key), action: "hide", reason });
      };

      const study = await m.studies.create(
        owner,
        ZCreateStudyInput.parse({
          title: "Crypto riches study",
          description: "x",
          startsOn: "2099-01-01",
          endsOn: "2099-02-01",
          online: true,
          capacity: 5,
        }),
      );
      await hide({ kind: "study", id: study.id }, String(study.id), "Advertising");
      expect((await m.studies.list({ page: 1 }, other)).items.some((s) => s.id === study.id)).toBe(false);
      expect(await codeOf(m.studies.byId({ id: study.id }, other))).toBe("NOT_FOUND");
      expect((await m.studies.byId({ id: study.id }, owner)).moderation).toMatchObject({ reason: "Advertising" });

      await f.fresh.db.mentorProfile.create({
        data: {
          userId: owner.userId,
          topics: ["zebra-topic"],
          languages: ["en"],
          pitch: "Ask me",
          timeZone: "UTC",
          slots: [],
          capacity: 1,
        },
      });
      const directory = createMentorDirectory({ db: f.fresh.db, now: () => new Date() });
      const listed = async () =>
        (await directory.list({ page: 1, topic: "zebra-topic" }, other)).items.map((i) => i.user.id);
      expect(await listed()).toEqual([owner.userId]);
      await hide({ kind: "mentor", userId: owner.userId }, owner.userId, "Selling homework");
      expect(await listed()).toEqual([]);
      expect(await codeOf(directory.byId(owner.userId, other))).toBe("NOT_FOUND");

      const users = createUserService(f.deps);
      await users.updateProfile(owner, {
        handle: owner.handle,
        displayName: "Buy followers",
        bio: "cheap followers here",
      });
      const before = await users.profile(owner.handle, other);
      await hide({ kind: "profile", userId: owner.userId }, owner.userId, "Spam profile");
      expect(await users.profile(owner.handle, other)).toMatchObject({
        id: before.id,
        displayName: owner.handle,
        bio: "",
        avatarUrl: null,
      });
      expect(await users.profile(owner.handle, owner)).toMatchObject({ displayName: "Buy followers", hidden: true });
    });

    it("lifts a suspension before its end, from the case it was decided on: sign-in and content come back", async () => {
      const [author, reporter, other] = [await f.person(), await f.person(), await f.person()];
      const written = await post(author);
      await m.moderation.report(reporter, { target: { kind: "post", id: written.id }, reason: "harassment", note: "" });
      const caseId = (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find(
        (i) => i.target.key === String(written.id),
      )!.id;
      const suspended = await m.moderation.decide(m.moderator, {
        caseId,
        action: "suspend",
        reason: "Cooling off",
        suspension: { length: "indefinite", hideContent: true },
      });
      expect(suspended.current).toMatchObject({ ownerSuspended: true, ownerSuspendedUntil: null });
      expect(await inFeed(other, written.id)).toBe(false);
      // Nothing of theirs can be reported now: the decided case is where it is lifted.
      expect(await codeOf(m.moderation.decide(m.moderator, { caseId, action: "warn", reason: "x" }))).toBe("CONFLICT");
      const lifted = await m.moderation.decide(m.moderator, { caseId, action: "lift", reason: "Talked it over" });
      expect(lifted.current.ownerSuspended).toBe(false);
      expect(await inFeed(other, written.id)).toBe(true);
      expect(noticesOf(author.userId).at(-1)!.data.notification).toMatchObject({ type: "moderation_lifted" });
      expect(await codeOf(m.moderation.decide(m.moderator, { caseId, action: "lift", reason: "Again" }))).toBe(
        "CONFLICT",
      );
      await sessionUnlessSuspended({ db: f.fresh.db, sessions: m.sessions, now: () => new Date() }, author.userId, {
        userAgent: "test",
        ip: "127.0.0.1",
      });
    });

    it("lets one moderator hold a case: another cannot decide it until it is released", async () => {
      const [author, reporter] = [await f.person(), await f.person()];
      const other = await f.person("second_mod");
      await f.fresh.db.user.update({ where: { id: other.userId }, data: { role: "moderator" } });
      const written = await post(author);
      await m.moderation.report(reporter, { target: { kind: "post", id: written.id }, reason: "spam", note: "" });
      const caseId = (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find(
        (i) => i.target.key === String(written.id),
      )!.id;
      expect((await m.moderation.claim(m.moderator, { caseId })).claimedBy?.id).toBe(m.moderator.userId);
      expect(await codeOf(m.moderation.claim(other, { caseId }))).toBe("CONFLICT");
      expect(await codeOf(m.moderation.decide(other, { caseId, action: "dismiss", reason: "x" }))).toBe("CONFLICT");
      await m.moderation.release(m.moderator, { caseId });
      await m.moderation.decide(other, { caseId, action: "dismiss", reason: "Not spam" });
      expect(await codeOf(m.moderation.decide(m.moderator, { caseId, action: "hide", reason: "x" }))).toBe("CONFLICT");
    });

    it("refuses a decision that does not fit the target (deleting a profile)", async () => {
      const [person, reporter] = [await f.person(), await f.person()];
      await m.moderation.report(reporter, {
        target: { kind: "profile", userId: person.userId },
        reason: "impersonation",
        note: "",
      });
      const caseId = (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find(
        (i) => i.target.key === person.userId,
      )!.id;
      expect(await codeOf(m.moderation.decide(m.moderator, { caseId, action: "delete", reason: "x" }))).toBe(
        "VALIDATION",
      );
      await m.moderation.decide(m.moderator, { caseId, action: "hide", reason: "Pretends to be someone else" });
    });
  });

  describe("the audit log", () => {
    it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE whoever asks", async () => {
      const { db } = f.fresh;
      const entry = await db.auditEntry.findFirstOrThrow();
      await expect(db.$executeRaw`update "AuditEntry" set reason = 'rewritten' where id = ${entry.id}`).rejects.toThrow(
        /append-only/,
      );
      await expect(db.$executeRaw`delete from "AuditEntry" where id = ${entry.id}`).rejects.toThrow(/append-only/);
      await expect(db.$executeRaw`truncate "AuditEntry" cascade`).rejects.toThrow(/append-only/);
      expect((await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).reason).toBe(entry.reason);
    });

    it("records role changes; admins are never made or unmade from the client", async () => {
      const person = await f.person("future_mod");
      const made = await m.admin.setRole(m.adminUser, {
        handle: person.handle,
        role: "moderator",
        reason: "Trusted helper",
      });
      expect(made.role).toBe("moderator");
      expect((await m.admin.staff(m.adminUser)).map((s) => s.handle)).toContain(person.handle);
      expect(await codeOf(m.admin.setRole(m.adminUser, { handle: "the_admin", role: "member", reason: "x" }))).toBe(
        "FORBIDDEN",
      );
      await m.admin.setRole(m.adminUser, { handle: person.handle, role: "member", reason: "Stepped down" });
      const log = await m.admin.audit(m.adminUser, { action: "role.", subject: person.handle, limit: 10 });
      expect(log.items.map((entry) => [entry.action, entry.actorHandle, entry.reason])).toEqual([
        ["role.revoked", "the_admin", "Stepped down"],
        ["role.granted", "the_admin", "Trusted helper"],
      ]);
    });

    it("ends a moderator's live queue when they are made a member again", async () => {
      const person = await f.person("short_mod");
      await m.admin.setRole(m.adminUser, { handle: person.handle, role: "moderator", reason: "Trial" });
      const controller = new AbortController();
      let ended = false;
      const seen: number[] = [];
      void (async () => {
        for await (const signal of m.moderation.streamQueue(person, controller.signal)) seen.push(signal.caseId);
        ended = true;
      })();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await f.bus.publish(channels.moderation, { v: 1, type: "moderation.queue", data: { caseId: 4242 } });
      await expect.poll(() => seen).toContain(4242);
      await m.admin.setRole(m.adminUser, { handle: person.handle, role: "member", reason: "Trial over" });
      await expect.poll(() => ended).toBe(true);
      controller.abort();
    });
  });

  describe("the dashboard", () => {
    it("counts per UTC day from the database, names the most reported, and is for admins", async () => {
      const input = { days: 7 };
      const before = await m.admin.dashboard(m.adminUser, input);
      expect(before.days).toHaveLength(7);
      expect(before.days.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
      // The fixture's people are a month old; one signs up today.
      const [person, reporter] = [await f.person(undefined, { newAccount: true }), await f.person()];
      const written = await post(person, "Dashboard zebra");
      // Signing in counts them as active today (once, however many sessions).
      await m.sessions.create(person.userId, { userAgent: "test" });
      await m.sessions.create(person.userId, { userAgent: "test" });
      await m.moderation.report(reporter, { target: { kind: "post", id: written.id }, reason: "spam", note: "" });
      await m.moderation.report(await f.person(), {
        target: { kind: "post", id: written.id },
        reason: "spam",
        note: "",
      });
      await m.moderation.report(reporter, {
        target: { kind: "profile", userId: person.userId },
        reason: "spam",
        note: "",
      });
      const after = await m.admin.dashboard(m.adminUser, input);
      const today = (d: typeof after) => d.days.at(-1)!;
      // One sign-up today, one person active, one post, three reports.
      expect(today(after).signUps - today(before).signUps).toBe(1);
      expect(today(after).active - today(before).active).toBe(1);
      expect(today(after).posts - today(before).posts).toBe(1);
      expect(today(after).reportsOpened - today(before).reportsOpened).toBe(3);
      expect(after.openCases - before.openCases).toBe(2);
      expect(after.mostReported).toContainEqual({
        target: { kind: "post", key: String(written.id), label: "Dashboard zebra" },
        reports: 2,
      });
      expect(after.mostReported).toContainEqual({
        target: { kind: "profile", key: person.userId, label: `@${person.handle}` },
        reports: 1,
      });
    });
  });

  describe("before anyone reports", () => {
    it("limits a new account: 3 posts an hour (the 4th refused), no links or pictures on the first day", async () => {
      const fresh = await f.person(undefined, { newAccount: true });
      for (let i = 0; i < 3; i++) await post(fresh, `New ${i}`, `Hello number ${i}`);
      expect((await appErrorOf(post(fresh, "New 3", "And again"))).code).toBe("RATE_LIMITED");
      const other = await f.person(undefined, { newAccount: true });
      expect((await appErrorOf(post(other, "Look", "at https://example.com"))).code).toBe("FORBIDDEN");
      const withPicture = await appErrorOf(
        f.posts.create(other, { title: "Pic", body: "see", imageIds: ["00000000-0000-7000-8000-000000000000"] }),
      );
      expect(withPicture.code).toBe("FORBIDDEN");
      // A day later the same account posts links.
      const older = await f.person();
      await f.fresh.db.user.update({
        where: { id: older.userId },
        data: { createdAt: new Date(Date.now() - 26 * 3600_000) },
      });
      await post(older, "Link", "at https://example.com");
    });

    it("limits a new account's comments (10 an hour) and new conversations (3 a day)", async () => {
      const fresh = await f.person(undefined, { newAccount: true });
      const target = await post(await f.person());
      for (let i = 0; i < 10; i++) await f.comments.create(fresh, { postId: target.id, body: `comment ${i}` });
      expect((await appErrorOf(f.comments.create(fresh, { postId: target.id, body: "one more" }))).code).toBe(
        "RATE_LIMITED",
      );
      const people = [await f.person(), await f.person(), await f.person(), await f.person()];
      for (const person of people) await f.social.follow(fresh, person.userId);
      for (const person of people.slice(0, 3)) await m.chat.openDirect(fresh, { userId: person.userId });
      expect((await appErrorOf(m.chat.openDirect(fresh, { userId: people[3]!.userId }))).code).toBe("RATE_LIMITED");
    });

    it("refuses the same post twice within a day, whatever the spacing, and a short comment may repeat", async () => {
      const author = await f.person();
      await post(author, "Daily TIL", "Closures   capture variables");
      expect((await appErrorOf(post(author, "daily til", "closures capture variables"))).code).toBe("CONFLICT");
      const target = await post(author, "Another", "body");
      await f.comments.create(author, { postId: target.id, body: "Thanks!" });
      await f.comments.create(author, { postId: target.id, body: "Thanks!" });
      const long = "This exact paragraph pasted under every post is spam.";
      await f.comments.create(author, { postId: target.id, body: long });
      expect((await appErrorOf(f.comments.create(author, { postId: target.id, body: long }))).code).toBe("CONFLICT");
    });

    it("refuses a watched word set to refuse, and holds one set to hold for review (hidden, in the queue)", async () => {
      await m.admin.addWordRule(m.adminUser, { pattern: "casino", action: "refuse" });
      await m.admin.addWordRule(m.adminUser, { pattern: "코인 리딩방", action: "hold" });
      expect(await codeOf(m.admin.addWordRule(m.adminUser, { pattern: "casino", action: "hold" }))).toBe("CONFLICT");
      const [author, other] = [await f.person(), await f.person()];
      // Every process hears of the change (here: the guard's own copy of the list).
      expect((await appErrorOf(post(author, "Best CASINO", "win"))).message).toBe(
        "This text contains a word that is not allowed here",
      );
      const held = await post(author, "Free signals", "Join our 코인 리딩방 today");
      expect(held.moderation).toMatchObject({ heldForReview: true, decisionId: null });
      expect(await inFeedOf(other, held.id)).toBe(false);
      const kase = (await m.moderation.queue(m.moderator, { status: "open", limit: 50 })).items.find(
        (i) => i.target.key === String(held.id),
      )!;
      const detail = await m.moderation.caseById(m.moderator, { caseId: kase.id });
      expect(detail.reports[0]).toMatchObject({ reporter: null, note: 'Held by the watched word "코인 리딩방"' });
      // Approved (dismissed): it stays hidden until shown; a moderator who hides it confirms it.
      const rules = await m.admin.wordRules(m.adminUser);
      for (const rule of rules) await m.admin.removeWordRule(m.adminUser, { id: rule.id });
      await post(author, "casino night", "is fine now");
    });

    async function inFeedOf(viewer: TViewer, id: number) {
      return (await f.posts.feed({ kind: "latest", limit: 50 }, viewer)).items.some((p) => p.id === id);
    }
  });

  describe("notification floods (each reproduced from outside)", () => {
    const alertsOf = (userId: string, since: number) =>
      noticesOf(userId)
        .slice(since)
        .filter((e) => e.data.alert.inApp || e.data.alert.desktop);

    it("like/unlike in a loop: its author is alerted once, and the 21st toggle in an hour is refused", async () => {
      const [author, looper] = [await f.person(), await f.person()];
      const target = await post(author);
      const since = noticesOf(author.userId).length;
      for (let round = 0; round < 10; round++) {
        await f.posts.like(looper, target.id);
        await f.posts.unlike(looper, target.id);
      }
      expect(alertsOf(author.userId, since)).toHaveLength(1);
      expect(await f.fresh.db.notification.count({ where: { recipientId: author.userId, postId: target.id } })).toBe(1);
      expect(await codeOf(f.posts.like(looper, target.id))).toBe("RATE_LIMITED");
    });

    it("follow/unfollow in a loop: one alert, and the 11th change in an hour is refused", async () => {
      const [followed, looper] = [await f.person(), await f.person()];
      const since = noticesOf(followed.userId).length;
      for (let round = 0; round < 5; round++) {
        await f.social.follow(looper, followed.userId);
        await f.social.unfollow(looper, followed.userId);
      }
      expect(alertsOf(followed.userId, since)).toHaveLength(1);
      expect(await codeOf(f.social.follow(looper, followed.userId))).toBe("RATE_LIMITED");
    });

    it("join/leave a study in a loop: its leader has one notification that changes quietly, and the loop is refused", async () => {
      const [leader, looper] = [await f.person(), await f.person()];
      const study = await m.studies.create(
        leader,
        ZCreateStudyInput.parse({
          title: "Loop study",
          description: "x",
          startsOn: "2099-01-01",
          endsOn: "2099-02-01",
          online: true,
          capacity: 5,
        }),
      );
      const since = noticesOf(leader.userId).length;
      const unreadBefore = await f.notifications.unreadCount(leader);
      for (let round = 0; round < 5; round++) {
        await m.studies.join(looper, { id: study.id });
        await m.studies.leave(looper, { id: study.id });
      }
      expect(alertsOf(leader.userId, since)).toHaveLength(1);
      expect((await f.notifications.unreadCount(leader)) - unreadBefore).toBe(1);
      const latest = (await f.notifications.list(leader, { limit: 1 })).items[0]!;
      expect(latest.type).toBe("study_left");
      expect(await codeOf(m.studies.join(looper, { id: study.id }))).toBe("RATE_LIMITED");
    });
  });
});
