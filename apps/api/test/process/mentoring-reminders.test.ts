import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { TViewer } from "@orgo/api-contract";
import type { RunningApp } from "../../src/app.js";
import { createMemoryEventBus } from "../../src/platform/events/memory-event-bus.js";
import { addJob } from "../../src/platform/jobs/job-queue.js";
import { createMentoringService } from "../../src/domains/mentoring/mentoring.service.js";
import { startTestApp } from "../helpers/app.js";
import { testGuard } from "../helpers/guard.js";
import { createLocalFileStorage } from "../../src/platform/storage/local-file-storage.js";
import { tempDir } from "../helpers/temp-dir.js";

const MINUTE = 60_000;
/** Long enough for both processes' job runners to look for due jobs (they poll every 2 s). */
const BOTH_POLLED_MS = 4_500;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reminders run on the job queue of two API processes sharing one database. The
 * clock is moved (Date only; timers stay real), never slept through: a reminder
 * fires once, at its instant, for the meeting's current time only.
 */
describe("meeting reminders with two API processes", () => {
  let fresh: FreshDatabase;
  const apps: RunningApp[] = [];
  const person = async (handle: string): Promise<TViewer> => {
    const user = await fresh.db.user.create({ data: { handle, displayName: handle } });
    return { userId: user.id, sessionId: `s-${handle}`, signedInAtMs: Date.now(), handle } as TViewer;
  };
  const reminders = () =>
    fresh.db.notification.findMany({
      where: { type: "meeting_reminder" },
      select: { recipientId: true, groupKey: true },
    });

  beforeAll(async () => {
    fresh = await freshDatabase();
    apps.push(await startTestApp({ databaseUrl: fresh.url, seed: false }));
    apps.push(await startTestApp({ databaseUrl: fresh.url, seed: false }));
  });
  afterAll(async () => {
    vi.useRealTimers();
    await Promise.all(apps.map((app) => app.stop()));
    await fresh?.drop();
  });

  it("sends the hour and ten-minute reminders once each, for the rescheduled time", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-01-04T00:00:00Z"));
    const bus = createMemoryEventBus();
    const mentoring = createMentoringService({
      db: fresh.db,
      bus,
      publicOrigin: () => "https://orgo.test",
      ...testGuard({ db: fresh.db, bus, storage: createLocalFileStorage(tempDir()) }),
      jobs: {
        enqueue: addJob,
        stats: () => Promise.resolve({ due: 0, givenUp: 0, failedRuns: 0 }),
        stop: async () => {},
      },
    });
    const mentor = await person("reminded_mentor");
    const learner = await person("reminded_learner");
    await mentoring.updateSettings(mentor, {
      active: true,
      paused: false,
      topics: ["sql"],
      languages: ["en"],
      pitch: "SQL",
      timeZone: "Europe/Berlin",
      capacity: 3,
      slots: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
    });
    const free = (await mentoring.freeSlots({ mentorId: mentor.userId, lengthMinutes: 30 }, learner)).starts;
    const sent = await mentoring.sendRequest(learner, {
      mentorId: mentor.userId,
      topic: "sql",
      message: "Joins",
      lengthMinutes: 30,
      proposedTimes: [free[0]!],
    });
    const meeting = await mentoring.acceptRequest(mentor, { id: sent.id, startsAt: free[0]! });
    // Moved a day later before any reminder: the first time's reminders must never fire.
    const later = free.find((t) => t.getTime() >= meeting.startsAt.getTime() + 24 * 60 * MINUTE)!;
    await mentoring.proposeReschedule(learner, { id: meeting.id, startsAt: later });
    await mentoring.answerReschedule(mentor, { id: meeting.id, accept: true });

    vi.setSystemTime(new Date(meeting.startsAt.getTime() - 60 * MINUTE));
    await pause(BOTH_POLLED_MS);
    vi.setSystemTime(new Date(later.getTime() - 61 * MINUTE));
    await pause(BOTH_POLLED_MS);
    expect(await reminders()).toEqual([]);

    vi.setSystemTime(new Date(later.getTime() - 60 * MINUTE));
    await expect.poll(async () => (await reminders()).length, { timeout: 10_000 }).toBe(2);
    await pause(BOTH_POLLED_MS);
    const hour = await reminders();
    expect(hour.map((r) => r.recipientId).sort()).toEqual([mentor.userId, learner.userId].sort());
    expect(hour.every((r) => r.groupKey.endsWith(`${later.toISOString()}:60`))).toBe(true);

    vi.setSystemTime(new Date(later.getTime() - 10 * MINUTE));
    await expect.poll(async () => (await reminders()).length, { timeout: 10_000 }).toBe(4);
    await pause(BOTH_POLLED_MS);
    expect(await reminders()).toHaveLength(4);
    const jobs = await fresh.db.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from graphile_worker.jobs where task_identifier = 'mentoring:reminder'`;
    expect(jobs[0]!.n).toBe(0);
  });
});
