import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ZMeetingPlace,
  ZMentorSettingsInput,
  ZSendRequestInput,
  type TMentorSettingsInput,
  type TViewer,
  type TWeeklySlot,
} from "@orgo/api-contract";
import { createMentoringService } from "../../src/domains/mentoring/mentoring.service.js";
import { createMentoringJobs } from "../../src/domains/mentoring/mentoring-jobs.js";
import { addJob, type JobQueue } from "../../src/platform/jobs/job-queue.js";
import { createLogger } from "../../src/platform/logger.js";
import { startJobQueue } from "../../src/platform/jobs/job-queue.js";
import { createMentorDirectory } from "../../src/domains/mentoring/mentor-directory.js";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";

/** Jobs are added for real (graphile-worker's add_job); a test runs a handler itself when it moves the clock. */
const jobs: JobQueue = {
  enqueue: addJob,
  stats: () => Promise.resolve({ due: 0, givenUp: 0, failedRuns: 0 }),
  stop: () => Promise.resolve(),
};

const everyWeekday = (start: string, end: string): TWeeklySlot[] =>
  [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start, end }));

const settings = (over: Partial<TMentorSettingsInput> = {}): TMentorSettingsInput =>
  ZMentorSettingsInput.parse({
    active: true,
    topics: ["TypeScript", "react"],
    languages: ["en", "ko"],
    pitch: "I help with **types**.",
    timeZone: "Asia/Seoul",
    capacity: 2,
    slots: everyWeekday("09:00", "18:00"),
    ...over,
  });

describe("mentoring", () => {
  const f = communityFixture();
  // Monday 2027-01-04 00:00 UTC (09:00 in Seoul); tests move it forward only.
  let clock = new Date("2027-01-04T00:00:00Z");
  const now = () => clock;
  let mentoring: ReturnType<typeof createMentoringService>;
  let handlers: ReturnType<typeof createMentoringJobs>;
  let mentor: TViewer;

  beforeAll(async () => {
    // graphile-worker's schema, installed by a queue starting once on this database.
    const queue = await startJobQueue({ connectionString: f.fresh.url, logger: createLogger("silent"), handlers: {} });
    await queue.stop();
    mentoring = createMentoringService({ ...f.deps, jobs, now });
    handlers = createMentoringJobs({
      db: f.fresh.db,
      bus: f.bus,
      storage: f.storage,
      logger: createLogger("silent"),
      now,
    });
    mentor = await f.person("mentor_main");
    await mentoring.updateSettings(mentor, settings({ capacity: 20 }));
  });

  async function freeTimes(mentorId: string, lengthMinutes: 30 | 60 = 30) {
    return (await mentoring.freeSlots({ mentorId, lengthMinutes }, null)).starts;
  }
  async function request(learner: TViewer, to = mentor, pick = [0]) {
    const starts = await freeTimes(to.userId);
    return mentoring.sendRequest(
      learner,
      ZSendRequestInput.parse({
        mentorId: to.userId,
        topic: "typescript",
        message: "Generics confuse me",
        lengthMinutes: 30,
        proposedTimes: pick.map((i) => starts[i]!),
      }),
    );
  }
  const typesOf = (userId: string) =>
    f.events
      .filter((e) => e.type === "notification.changed" && (e.data as { recipientId: string }).recipientId === userId)
      .map((e) => (e.data as { notification: { type: string } }).notification.type);

  describe("settings", () => {
    it("refuses overlapping slots, an end before its start and a zone PostgreSQL does not know", async () => {
      const overlap = ZMentorSettingsInput.safeParse({
        ...settings(),
        slots: [
          { weekday: 1, start: "09:00", end: "11:00" },
          { weekday: 1, start: "10:30", end: "12:00" },
        ],
      });
      expect(overlap.success).toBe(false);
      expect(
        ZMentorSettingsInput.safeParse({ ...settings(), slots: [{ weekday: 1, start: "11:00", end: "10:00" }] })
          .success,
      ).toBe(false);
      expect(
        ZMentorSettingsInput.safeParse({ ...settings(), slots: [{ weekday: 1, start: "10:15", end: "11:00" }] })
          .success,
      ).toBe(false);
      const someone = await f.person();
      const error = await appErrorOf(mentoring.updateSettings(someone, settings({ timeZone: "US/Pacific-New" })));
      expect(error.code).toBe("VALIDATION");
      expect(await mentoring.mySettings(someone)).toBeNull();
    });

    it("keeps topics like study tags and answers them back", async () => {
      const mine = await mentoring.mySettings(mentor);
      expect(mine?.topics).toEqual(["typescript", "react"]);
      expect(mine?.slots).toHaveLength(7);
    });
  });

  describe("requests: every refusal on the server", () => {
    it("refuses a request to oneself, across a block, to a paused mentor, for a topic not offered or a time not free", async () => {
      expect((await appErrorOf(request(mentor))).code).toBe("VALIDATION");

      const blocked = await f.person();
      await f.fresh.db.block.create({ data: { blockerId: mentor.userId, blockedId: blocked.userId } });
      expect((await appErrorOf(request(blocked))).code).toBe("FORBIDDEN");

      const learner = await f.person();
      const starts = await freeTimes(mentor.userId);
      const input = {
        mentorId: mentor.userId,
        message: "Help",
        lengthMinutes: 30 as const,
        proposedTimes: [starts[0]!],
      };
      expect((await appErrorOf(mentoring.sendRequest(learner, { ...input, topic: "cobol" }))).code).toBe("VALIDATION");
      // Ten minutes past a free start is not a free start.
      const off = new Date(starts[0]!.getTime() + 10 * 60_000);
      const notFree = await appErrorOf(
        mentoring.sendRequest(learner, { ...input, topic: "react", proposedTimes: [off] }),
      );
      expect(notFree.code).toBe("VALIDATION");
      expect(notFree.details?.fieldErrors?.proposedTimes).toBeDefined();

      const paused = await f.person();
      await mentoring.updateSettings(paused, settings({ paused: true }));
      const pausedError = await appErrorOf(request(learner, paused));
      expect(pausedError.code).toBe("CONFLICT");
      expect(await f.fresh.db.mentorRequest.count({ where: { learnerId: learner.userId } })).toBe(0);
    });

    it("allows one open request per mentor and five in all", async () => {
      const learner = await f.person();
      await request(learner);
      expect((await appErrorOf(request(learner))).code).toBe("CONFLICT");
      for (let i = 0; i < 4; i++) {
        const other = await f.person();
        await mentoring.updateSettings(other, settings({ capacity: 5 }));
        await request(learner, other);
      }
      const sixth = await f.person();
      await mentoring.updateSettings(sixth, settings());
      const error = await appErrorOf(request(learner, sixth));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toMatch(/5 open requests/);
    });

    it("lets the learner withdraw an open request, once, and tells the mentor", async () => {
      const learner = await f.person();
      const sent = await request(learner);
      expect(typesOf(mentor.userId)).toContain("mentor_requested");
      expect((await appErrorOf(mentoring.withdrawRequest(mentor, { id: sent.id }))).code).toBe("FORBIDDEN");
      expect((await mentoring.withdrawRequest(learner, { id: sent.id })).status).toBe("withdrawn");
      expect(typesOf(mentor.userId)).toContain("mentor_withdrawn");
      expect((await appErrorOf(mentoring.withdrawRequest(learner, { id: sent.id }))).code).toBe("CONFLICT");
      expect(
        (await appErrorOf(mentoring.acceptRequest(mentor, { id: sent.id, startsAt: sent.proposedTimes[0]! }))).code,
      ).toBe("CONFLICT");
      const outsider = await f.person();
      expect((await appErrorOf(mentoring.requestById(outsider, { id: sent.id }))).code).toBe("NOT_FOUND");
    });

    it("request/withdraw in a loop: the mentor is alerted once, and the loop is refused", async () => {
      // Found from outside: each round gave the mentor a new unread notification.
      const learner = await f.person();
      const alerts = () =>
        f.events.filter(
          (e) =>
            e.type === "notification.changed" &&
            e.data.recipientId === mentor.userId &&
            e.data.notification.actor.id === learner.userId &&
            (e.data.alert.inApp || e.data.alert.desktop),
        ).length;
      const unreadBefore = await f.notifications.unreadCount(mentor);
      for (let round = 0; round < 3; round++) {
        const sent = await request(learner);
        await mentoring.withdrawRequest(learner, { id: sent.id });
      }
      expect(alerts()).toBe(1);
      expect((await f.notifications.unreadCount(mentor)) - unreadBefore).toBe(1);
      expect((await appErrorOf(request(learner))).code).toBe("RATE_LIMITED");
    });

    it("expires a request nobody answered after 7 days, by the job, and then nothing can answer it", async () => {
      const learner = await f.person();
      const sent = await request(learner);
      await handlers["mentoring:expireRequest"]({ requestId: sent.id });
      expect((await mentoring.requestById(learner, { id: sent.id })).status).toBe("open");
      const saved = clock;
      clock = new Date(sent.expiresAt.getTime() + 1000);
      try {
        await handlers["mentoring:expireRequest"]({ requestId: sent.id });
        await handlers["mentoring:expireRequest"]({ requestId: sent.id });
        expect((await mentoring.requestById(learner, { id: sent.id })).status).toBe("expired");
        expect(typesOf(learner.userId).filter((t) => t === "mentor_expired")).toHaveLength(1);
        const late = await appErrorOf(
          mentoring.acceptRequest(mentor, { id: sent.id, startsAt: sent.proposedTimes[0]! }),
        );
        expect(late.code).toBe("CONFLICT");
      } finally {
        clock = saved;
      }
      const job = await f.fresh.db.$queryRaw<{ run_at: Date }[]>`
        select run_at from graphile_worker.jobs where key = ${`mentoring:expire:${sent.id}`}`;
      expect(job[0]?.run_at.getTime()).toBe(sent.expiresAt.getTime());
    });
  });

  describe("accepting", () => {
    it("opens a one-to-one room without a follow and the meeting, with reminders queued", async () => {
      const learner = await f.person();
      const sent = await request(learner, mentor, [0, 2]);
      expect(
        (await appErrorOf(mentoring.acceptRequest(learner, { id: sent.id, startsAt: sent.proposedTimes[0]! }))).code,
      ).toBe("FORBIDDEN");
      const other = new Date(sent.proposedTimes[0]!.getTime() + 30 * 60_000);
      expect((await appErrorOf(mentoring.acceptRequest(mentor, { id: sent.id, startsAt: other }))).code).toBe(
        "VALIDATION",
      );
      const meeting = await mentoring.acceptRequest(mentor, { id: sent.id, startsAt: sent.proposedTimes[1]! });
      expect(meeting.startsAt).toEqual(sent.proposedTimes[1]);
      expect(meeting.state).toBe("scheduled");
      const members = await f.fresh.db.chatMember.findMany({ where: { roomId: meeting.roomId } });
      expect(members.map((m) => m.userId).sort()).toEqual([mentor.userId, learner.userId].sort());
      expect(await f.fresh.db.follow.count({ where: { followerId: learner.userId } })).toBe(0);
      expect(typesOf(learner.userId)).toContain("mentor_accepted");
      const keys = await f.fresh.db.$queryRaw<{ key: string; run_at: Date }[]>`
        select key, run_at from graphile_worker.jobs
        where key in (${`mentoring:reminder:${meeting.id}:60`}, ${`mentoring:reminder:${meeting.id}:10`},
                      ${`mentoring:over:${meeting.id}`})
        order by run_at`;
      expect(keys.map((k) => k.key)).toEqual([
        `mentoring:reminder:${meeting.id}:60`,
        `mentoring:reminder:${meeting.id}:10`,
        `mentoring:over:${meeting.id}`,
      ]);
      expect(keys[0]!.run_at.getTime()).toBe(meeting.startsAt.getTime() - 3600_000);
      // The accepted time is no longer free.
      expect((await freeTimes(mentor.userId)).map(Number)).not.toContain(meeting.startsAt.getTime());
    });

    it("lets a block win over a request sent before it", async () => {
      const learner = await f.person();
      const sent = await request(learner);
      await f.fresh.db.block.create({ data: { blockerId: learner.userId, blockedId: mentor.userId } });
      const error = await appErrorOf(
        mentoring.acceptRequest(mentor, { id: sent.id, startsAt: sent.proposedTimes[0]! }),
      );
      expect(error.code).toBe("FORBIDDEN");
      expect(await f.fresh.db.mentorMeeting.count({ where: { requestId: sent.id } })).toBe(0);
    });

    it("never exceeds the capacity when two acceptances race for the last place", async () => {
      const busy = await f.person();
      await mentoring.updateSettings(busy, settings({ capacity: 1 }));
      const [a, b] = [await f.person(), await f.person()];
      const ra = await request(a, busy, [0]);
      const rb = await request(b, busy, [4]);
      const results = await Promise.allSettled([
        mentoring.acceptRequest(busy, { id: ra.id, startsAt: ra.proposedTimes[0]! }),
        mentoring.acceptRequest(busy, { id: rb.id, startsAt: rb.proposedTimes[0]! }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((refused.reason as { code: string }).code).toBe("CONFLICT");
      expect(await f.fresh.db.mentorMeeting.count({ where: { mentorId: busy.userId } })).toBe(1);
      // Full: the list says so and new requests are refused.
      expect((await mentoring.byId({ userId: busy.userId }, null)).accepting).toBe(false);
      expect((await appErrorOf(request(await f.person(), busy))).code).toBe("CONFLICT");
    });

    it("lets the mentor propose another free time that the learner confirms, or decline with a note", async () => {
      const learner = await f.person();
      const sent = await request(learner);
      const starts = await freeTimes(mentor.userId);
      const countered = await mentoring.proposeTime(mentor, {
        id: sent.id,
        startsAt: starts[6]!,
        place: "https://meet.example/x",
      });
      expect(countered.status).toBe("countered");
      expect(typesOf(learner.userId)).toContain("mentor_countered");
      expect((await appErrorOf(mentoring.confirmTime(mentor, { id: sent.id }))).code).toBe("FORBIDDEN");
      const meeting = await mentoring.confirmTime(learner, { id: sent.id });
      expect(meeting.startsAt).toEqual(starts[6]);
      expect(meeting.place).toBe("https://meet.example/x");
      expect(typesOf(mentor.userId)).toContain("mentor_confirmed");

      const other = await f.person();
      const second = await request(other);
      const declined = await mentoring.declineRequest(mentor, { id: second.id, note: "Out of office" });
      expect(declined).toMatchObject({ status: "declined", declineNote: "Out of office" });
      expect(typesOf(other.userId)).toContain("mentor_declined");
      expect((await appErrorOf(mentoring.confirmTime(other, { id: second.id }))).code).toBe("CONFLICT");
    });
  });

  describe("meetings", () => {
    async function meetingWith(learner: TViewer) {
      const sent = await request(learner);
      return mentoring.acceptRequest(mentor, { id: sent.id, startsAt: sent.proposedTimes[0]! });
    }

    it("moves only when the other side agrees, and can be cancelled with a reason before it starts", async () => {
      const learner = await f.person();
      const meeting = await meetingWith(learner);
      const later = (await freeTimes(mentor.userId)).at(-1)!;
      const proposed = await mentoring.proposeReschedule(learner, { id: meeting.id, startsAt: later });
      expect(proposed.proposal).toEqual({ startsAt: later, byMe: true });
      expect(proposed.startsAt).toEqual(meeting.startsAt);
      expect((await appErrorOf(mentoring.answerReschedule(learner, { id: meeting.id, accept: true }))).code).toBe(
        "FORBIDDEN",
      );
      const moved = await mentoring.answerReschedule(mentor, { id: meeting.id, accept: true });
      expect(moved.startsAt).toEqual(later);
      expect(moved.proposal).toBeNull();
      expect(typesOf(learner.userId)).toContain("meeting_rescheduled");
      const reminder = await f.fresh.db.$queryRaw<{ run_at: Date }[]>`
        select run_at from graphile_worker.jobs where key = ${`mentoring:reminder:${meeting.id}:60`}`;
      expect(reminder.map((r) => r.run_at.getTime())).toEqual([later.getTime() - 3600_000]);

      expect((await appErrorOf(mentoring.cancelMeeting(await f.person(), { id: meeting.id, reason: "x" }))).code).toBe(
        "NOT_FOUND",
      );
      const cancelled = await mentoring.cancelMeeting(mentor, { id: meeting.id, reason: "Sick" });
      expect(cancelled).toMatchObject({ state: "cancelled", cancelReason: "Sick" });
      expect(typesOf(learner.userId)).toContain("meeting_cancelled");
      expect((await appErrorOf(mentoring.cancelMeeting(learner, { id: meeting.id, reason: "again" }))).code).toBe(
        "CONFLICT",
      );
      // A reminder for a cancelled meeting does nothing.
      await handlers["mentoring:reminder"]({ meetingId: meeting.id, startsAt: later.toISOString(), minutesBefore: 60 });
      expect(typesOf(learner.userId)).not.toContain("meeting_reminder");
    });

    it("is rated once by the learner, after it is over; the average and consented comments show on the profile", async () => {
      const learner = await f.person();
      const meeting = await meetingWith(learner);
      const early = await appErrorOf(mentoring.rateMeeting(learner, { id: meeting.id, rating: 5, public: true }));
      expect(early.code).toBe("CONFLICT");
      const saved = clock;
      clock = new Date(meeting.startsAt.getTime() + 31 * 60_000);
      try {
        await handlers["mentoring:meetingOver"]({ meetingId: meeting.id, startsAt: meeting.startsAt.toISOString() });
        expect(typesOf(learner.userId)).toContain("meeting_rate");
        expect((await mentoring.meetingById(learner, { id: meeting.id })).canRate).toBe(true);
        expect(
          (await appErrorOf(mentoring.rateMeeting(mentor, { id: meeting.id, rating: 1, public: false }))).code,
        ).toBe("FORBIDDEN");
        const rated = await mentoring.rateMeeting(learner, {
          id: meeting.id,
          rating: 4,
          comment: "Clear and kind",
          public: true,
        });
        expect(rated.rating).toEqual({ value: 4, comment: "Clear and kind", public: true });
        const again = await appErrorOf(mentoring.rateMeeting(learner, { id: meeting.id, rating: 1, public: false }));
        expect(again.code).toBe("CONFLICT");
        const profile = await mentoring.byId({ userId: mentor.userId }, null);
        expect(profile.rating).toEqual({ average: 4, count: 1 });
        expect(profile.reviews.map((r) => r.comment)).toEqual(["Clear and kind"]);
        expect(JSON.stringify(profile)).not.toContain("@people.test");
      } finally {
        clock = saved;
      }
    });

    it("refuses a rating while the meeting is still running (10 minutes into 30), and takes it once it is over", async () => {
      const learner = await f.person();
      const meeting = await meetingWith(learner);
      const saved = clock;
      try {
        // Started, not over: a check against the start instead of the end would let this through.
        clock = new Date(meeting.startsAt.getTime() + 10 * 60_000);
        const running = await appErrorOf(mentoring.rateMeeting(learner, { id: meeting.id, rating: 5, public: false }));
        expect(running.code).toBe("CONFLICT");
        expect((await mentoring.meetingById(learner, { id: meeting.id })).rating).toBeNull();
        clock = new Date(meeting.startsAt.getTime() + 30 * 60_000);
        expect((await mentoring.rateMeeting(learner, { id: meeting.id, rating: 5, public: false })).rating?.value).toBe(
          5,
        );
      } finally {
        clock = saved;
      }
    });

    it("gives an .ics file with the meeting's time in UTC, linking back to the meeting in OrGo", async () => {
      const learner = await f.person();
      const meeting = await meetingWith(learner);
      const ics = await mentoring.meetingCalendar(learner, { id: meeting.id });
      const stamp = meeting.startsAt
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
      expect(ics.content).toContain(`DTSTART:${stamp}`);
      expect(ics.content).toContain("DURATION:PT30M");
      expect(ics.filename).toBe(`orgo-meeting-${meeting.id}.ics`);
      // Long lines are folded (CRLF, then a space or a tab).
      const unfolded = ics.content.replace(/\r\n[ \t]/g, "");
      const back = `https://orgo.test/mentoring?tab=meetings&scope=upcoming#meeting-${meeting.id}`;
      expect(unfolded).toContain(`URL:${back}`);
      expect(unfolded).toContain(`In OrGo: ${back}`);
      // The card can show the mentor's own time too.
      expect(meeting.mentorTimeZone).toBe((await mentoring.mySettings(mentor))!.timeZone);
      expect((await appErrorOf(mentoring.meetingCalendar(await f.person(), { id: meeting.id }))).code).toBe(
        "NOT_FOUND",
      );
    });

    it("gives both people an .ics for every link the place takes, and for a place stored before links were checked", async () => {
      // Found from outside: each of these valid https links answered 500 for both .ics files.
      const learner = await f.person();
      const meeting = await meetingWith(learner);
      const links: [string, string][] = [
        ["https://Meet.Example.COM/Room", "https://meet.example.com/Room"],
        ["https://meet.example.com/my room", "https://meet.example.com/my%20room"],
        ["https://my_host.example.com/x", "https://my_host.example.com/x"],
        ["https://[2001:db8::1]:8443/room", "https://[2001:db8::1]:8443/room"],
      ];
      for (const [typed, stored] of links) {
        const place = ZMeetingPlace.parse(typed);
        expect(place).toBe(stored);
        await mentoring.setPlace(mentor, { id: meeting.id, place });
        for (const who of [learner, mentor]) {
          const ics = await mentoring.meetingCalendar(who, { id: meeting.id });
          expect(ics.content.replace(/\r\n /g, "")).toContain(`LOCATION:${stored.replace(/[,;]/g, "\\$&")}`);
        }
      }
      expect(ZMeetingPlace.safeParse("https://meet.example.com/a\r\nATTENDEE:x").success).toBe(false);
      // A value stored before the link was checked once: its CR/LF never starts a line.
      await f.fresh.db.mentorMeeting.update({
        where: { id: meeting.id },
        data: { place: "https://meet.example.com/a\r\nATTENDEE:mailto:evil@example.com" },
      });
      for (const who of [learner, mentor]) {
        const ics = await mentoring.meetingCalendar(who, { id: meeting.id });
        expect(ics.content).not.toMatch(/^ATTENDEE/m);
      }
    });

    it("shows my mentors, my mentees and what is coming in the overview", async () => {
      const learner = await f.person();
      const meeting = await meetingWith(learner);
      const mine = await mentoring.overview(learner);
      expect(mine.mentors.map((p) => p.id)).toContain(mentor.userId);
      expect(mine.upcoming.map((m) => m.id)).toContain(meeting.id);
      const theirs = await mentoring.overview(mentor);
      expect(theirs.mentees.map((p) => p.id)).toContain(learner.userId);
    });
  });

  describe("the mentor list", () => {
    it("filters by topic, language and a free time this week, hides blocked people, and puts shared interests first", async () => {
      const reader = await f.person();
      const react = await f.person("react_mentor");
      await mentoring.updateSettings(react, settings({ topics: ["react", "css"], languages: ["ko"], capacity: 5 }));
      const never = await f.person("no_slots_mentor");
      await mentoring.updateSettings(never, settings({ topics: ["react"], slots: [], capacity: 5 }));
      const byTopic = await mentoring.list({ page: 1, topic: "css" }, reader);
      expect(byTopic.items.map((m) => m.user.handle)).toEqual(["react_mentor"]);
      const korean = await mentoring.list({ page: 1, topic: "react", language: "ko" }, reader);
      expect(korean.items.map((m) => m.user.handle)).toContain("react_mentor");
      const free = await mentoring.list({ page: 1, topic: "react", freeThisWeek: true }, reader);
      expect(free.items.map((m) => m.user.handle)).not.toContain("no_slots_mentor");
      // The reader writes about CSS: the mentor offering it comes first.
      await f.fresh.db.post.create({ data: { authorId: reader.userId, title: "Grid", body: "Learning #css today" } });
      const ranked = await mentoring.list({ page: 1, topic: "react" }, reader);
      expect(ranked.items[0]!.user.handle).toBe("react_mentor");
      expect(ranked.items[0]!.sharedTopics).toEqual(["css"]);
      await f.fresh.db.block.create({ data: { blockerId: react.userId, blockedId: reader.userId } });
      const hidden = await mentoring.list({ page: 1, topic: "css" }, reader);
      expect(hidden.total).toBe(0);
      expect((await appErrorOf(mentoring.byId({ userId: react.userId }, reader))).code).toBe("NOT_FOUND");
    });
  });

  describe("search and time zones", () => {
    it("finds mentors by topic, name or pitch, as search's fourth kind, never across a block", async () => {
      const reader = await f.person();
      const rust = await f.person("rust_mentor");
      await mentoring.updateSettings(rust, settings({ topics: ["rust"], pitch: "Ownership and lifetimes, gently." }));
      const directory = createMentorDirectory({ db: f.fresh.db, now });
      const byTopic = await directory.search({ q: "rust", page: 1, limit: 20 }, reader);
      expect(byTopic.items.map((m) => m.user.handle)).toEqual(["rust_mentor"]);
      expect((await directory.search({ q: "lifetimes", page: 1, limit: 20 }, reader)).total).toBe(1);
      await f.fresh.db.block.create({ data: { blockerId: reader.userId, blockedId: rust.userId } });
      expect(await directory.count("rust", reader)).toBe(0);
      expect(await directory.count("rust", null)).toBe(1);
    });

    it("offers a Berlin mentor's 10:00 an hour earlier in UTC after the spring change, and refuses the old hour", async () => {
      const saved = clock;
      clock = new Date("2027-03-22T00:00:00Z");
      try {
        const berlin = await f.person("berlin_mentor");
        await mentoring.updateSettings(
          berlin,
          settings({ timeZone: "Europe/Berlin", slots: [{ weekday: 5, start: "10:00", end: "10:30" }] }),
        );
        const starts = await freeTimes(berlin.userId);
        expect(starts.map((d) => d.toISOString())).toEqual(["2027-03-27T09:00:00.000Z", "2027-04-03T08:00:00.000Z"]);
        const learner = await f.person();
        const input = { mentorId: berlin.userId, topic: "react", message: "Hooks", lengthMinutes: 30 as const };
        const wrong = await appErrorOf(
          mentoring.sendRequest(learner, { ...input, proposedTimes: [new Date("2027-04-03T09:00:00Z")] }),
        );
        expect(wrong.code).toBe("VALIDATION");
        const sent = await mentoring.sendRequest(learner, { ...input, proposedTimes: starts });
        expect(sent.proposedTimes).toEqual(starts);
      } finally {
        clock = saved;
      }
    });
  });

  describe("the orphan-upload sweep", () => {
    it("deletes pictures never attached once a day old, with their files, and keeps attached ones and avatars", async () => {
      const owner = await f.person();
      const make = (key: string, kind: string, createdAt: Date) =>
        f.fresh.db.upload.create({
          data: { ownerId: owner.userId, kind, key, width: 1, height: 1, bytes: 1, createdAt },
        });
      const old = new Date(clock.getTime() - 25 * 3600_000);
      await f.storage.put("post-images/orphanorphanorphan01.webp", new Uint8Array([1]), "image/webp");
      await make("post-images/orphanorphanorphan01.webp", "post-image", old);
      const fresh = await make("post-images/freshfreshfresh0001.webp", "post-image", clock);
      const avatar = await make("avatars/avataravataravatar01.webp", "avatar", old);
      const attached = await make("post-images/attachedattached0001.webp", "post-image", old);
      const post = await f.fresh.db.post.create({ data: { authorId: owner.userId, title: "t", body: "b" } });
      await f.fresh.db.postImage.create({ data: { postId: post.id, uploadId: attached.id, position: 0 } });
      await handlers["sweep:orphanUploads"]({});
      const left = await f.fresh.db.upload.findMany({ where: { ownerId: owner.userId }, select: { id: true } });
      expect(left.map((u) => u.id).sort()).toEqual([fresh.id, avatar.id, attached.id].sort());
      expect(existsSync(path.join(f.storage.root, "post-images/orphanorphanorphan01.webp"))).toBe(false);
    });
  });
});
