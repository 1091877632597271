import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../src/seed/seed.js";
import { demoPosts, demoUsers } from "../src/seed/demo-data.js";
import { freshDatabase, type FreshDatabase } from "../src/testing/index.js";

describe("seedDemoData", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(() => fresh.drop());

  it("fills an empty database and changes nothing when run again", async () => {
    expect(await seedDemoData(fresh.db)).toEqual({ users: demoUsers.length, posts: demoPosts.length });
    expect(await seedDemoData(fresh.db)).toEqual({ users: demoUsers.length, posts: 0 });
    expect(await fresh.db.user.count()).toBe(demoUsers.length);
    expect(await fresh.db.post.count()).toBe(demoPosts.length);
  });

  it("writes posts oldest first, so ids follow creation time", async () => {
    const posts = await fresh.db.post.findMany({ orderBy: { id: "asc" }, select: { createdAt: true } });
    const times = posts.map((p) => p.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("has two mentors with weekly slots and a past meeting of demo's to rate", async () => {
    const mentors = await fresh.db.mentorProfile.findMany({ include: { user: true } });
    expect(mentors.map((m) => m.user.handle).sort()).toEqual(["leo_builds", "sara_k"]);
    expect(mentors.every((m) => m.active && Array.isArray(m.slots) && m.slots.length > 0)).toBe(true);
    const meeting = await fresh.db.mentorMeeting.findFirstOrThrow({
      where: { learner: { handle: "demo" } },
      include: { learner: true },
    });
    expect(meeting.learner.handle).toBe("demo");
    expect(meeting.startsAt.getTime()).toBeLessThan(Date.now() - meeting.lengthMinutes * 60_000);
    expect(meeting.rating).toBeNull();
    const sara = mentors.find((m) => m.user.handle === "sara_k")!;
    expect([sara.ratingSum, sara.ratingCount]).toEqual([9, 2]);
  });

  it("has studies whose rooms hold exactly their members, recruiting and under way", async () => {
    const studies = await fresh.db.study.findMany({
      include: { members: true, chatRoom: { include: { members: true } } },
      orderBy: { id: "asc" },
    });
    expect(studies).toHaveLength(3);
    for (const study of studies) {
      const members = study.members.map((m) => m.userId).sort();
      expect(study.chatRoom!.members.map((m) => m.userId).sort()).toEqual(members);
      expect(study.memberCount).toBe(members.length);
      expect(members).toContain(study.leaderId);
    }
    const today = new Date().toISOString().slice(0, 10);
    const day = (date: Date) => date.toISOString().slice(0, 10);
    expect(studies.filter((s) => day(s.startsOn) > today)).toHaveLength(2);
    expect(studies.filter((s) => day(s.startsOn) <= today && day(s.endsOn) >= today)).toHaveLength(1);
    expect(await seedDemoData(fresh.db)).toEqual({ users: demoUsers.length, posts: 0 });
    expect(await fresh.db.study.count()).toBe(3);
  });
});
