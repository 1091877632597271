import { beforeAll, describe, expect, it } from "vitest";
import { ZCreateStudyInput, type TCreateStudyInput, type TViewer } from "@orgo/api-contract";
import { createStudyService } from "../../src/domains/studies/study.service.js";
import { statusSql } from "../../src/domains/studies/study-status.js";
import { appErrorOf } from "../helpers/auth-fixture.js";
import { communityFixture } from "../helpers/community-fixture.js";

/** Dates far ahead, so "today" is before the start in every test that does not move the clock. */
const plan = (over: Partial<TCreateStudyInput> = {}): TCreateStudyInput =>
  ZCreateStudyInput.parse({
    title: "알고리즘 스터디",
    description: "매주 두 문제",
    startsOn: "2099-03-10",
    endsOn: "2099-03-20",
    online: true,
    capacity: 3,
    tags: [" Algorithms ", "algorithms", "Python"],
    ...over,
  });

describe("study groups", () => {
  const f = communityFixture();
  let clock = new Date("2026-01-01T00:00:00Z");
  let studies: ReturnType<typeof createStudyService>;
  let leader: TViewer;

  beforeAll(async () => {
    studies = createStudyService({ ...f.deps, now: () => clock });
    leader = await f.person("study_leader");
  });

  async function roomMatchesMembers(studyId: number) {
    const members = await f.fresh.db.studyMember.findMany({ where: { studyId }, select: { userId: true } });
    const chat = await f.fresh.db.chatMember.findMany({ where: { room: { studyId } }, select: { userId: true } });
    const study = await f.fresh.db.study.findUniqueOrThrow({ where: { id: studyId } });
    expect(chat.map((c) => c.userId).sort()).toEqual(members.map((x) => x.userId).sort());
    expect(study.memberCount).toBe(members.length);
  }

  it("creates a study led by its creator, who holds a seat and the chat room's first place", async () => {
    const study = await studies.create(leader, plan());
    expect(study).toMatchObject({ status: "recruiting", memberCount: 1, me: { role: "leader" } });
    expect(study.tags).toEqual(["algorithms", "python"]);
    await roomMatchesMembers(study.id);
  });

  it("validates dates, place, capacity and tags before anything is stored", () => {
    const issues = (over: Record<string, unknown>) =>
      ZCreateStudyInput.safeParse({ ...plan(), ...over }).error?.issues.map((i) => i.path.join("."));
    expect(issues({ endsOn: "2099-03-01" })).toEqual(["endsOn"]);
    expect(issues({ recruitUntil: "2099-04-01" })).toEqual(["recruitUntil"]);
    expect(issues({ online: false, location: null })).toEqual(["location"]);
    expect(issues({ capacity: 1 })).toEqual(["capacity"]);
    expect(issues({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })).toEqual(["tags"]);
    expect(issues({ timeZone: "Mars/Olympus" })).toEqual(["timeZone"]);
  });

  it("keeps a weekly schedule in the study's zone, tells the next session, and refuses overlaps", async () => {
    const issues = (over: Record<string, unknown>) =>
      ZCreateStudyInput.safeParse({ ...plan(), ...over }).error?.issues.map((i) => i.path.join("."));
    const tuesday = { weekday: 1, start: "19:00", end: "21:00" };
    expect(issues({ schedule: [tuesday, { weekday: 1, start: "20:00", end: "22:00" }] })).toEqual(["schedule.1"]);
    expect(issues({ schedule: [{ weekday: 7, start: "19:00", end: "20:00" }] })).toEqual(["schedule.0.weekday"]);
    expect(issues({ schedule: [{ weekday: 1, start: "21:00", end: "19:00" }] })).toEqual(["schedule.0.end"]);

    // Tuesdays and Thursdays 19:00–21:00 in Seoul, 10–20 March 2099 (10 March is a Tuesday).
    const thursday = { weekday: 3, start: "19:00", end: "21:00" };
    const saved = clock;
    try {
      const study = await studies.create(leader, plan({ timeZone: "Asia/Seoul", schedule: [tuesday, thursday] }));
      expect(study.schedule).toEqual([tuesday, thursday]);
      // Before it starts: its first session, 19:00 in Seoul = 10:00 UTC.
      expect(study.nextSession).toEqual({
        startsAt: new Date("2099-03-10T10:00:00Z"),
        endsAt: new Date("2099-03-10T12:00:00Z"),
      });
      // During a session it is that session; after the last one, none.
      clock = new Date("2099-03-12T11:00:00Z");
      expect((await studies.byId({ id: study.id }, leader)).nextSession?.startsAt).toEqual(
        new Date("2099-03-12T10:00:00Z"),
      );
      clock = new Date("2099-03-12T12:00:00Z");
      expect((await studies.byId({ id: study.id }, leader)).nextSession?.startsAt).toEqual(
        new Date("2099-03-17T10:00:00Z"),
      );
      clock = new Date("2099-03-19T12:30:00Z");
      expect((await studies.byId({ id: study.id }, null)).nextSession).toBeNull();

      // An edit without a schedule keeps it; an empty one clears it.
      const { id: _id, ...rest } = study;
      const edit = { ...plan(), id: study.id, timeZone: rest.timeZone };
      expect((await studies.update(leader, edit)).schedule).toEqual([tuesday, thursday]);
      expect((await studies.update(leader, { ...edit, schedule: [] })).schedule).toEqual([]);
    } finally {
      clock = saved;
    }
  });

  it("writes a study's sessions as a calendar file, right across a daylight-saving change", async () => {
    // Thursdays 18:00–19:30 in Berlin, across the change of 29 March 2099 (UTC+1 → UTC+2).
    const study = await studies.create(
      leader,
      plan({
        startsOn: "2099-03-19",
        endsOn: "2099-04-02",
        timeZone: "Europe/Berlin",
        schedule: [{ weekday: 3, start: "18:00", end: "19:30" }],
      }),
    );
    const { filename, content } = await studies.calendar({ id: study.id }, null);
    expect(filename).toBe(`orgo-study-${study.id}.ics`);
    const starts = [...content.matchAll(/^DTSTART:(\S+)/gm)].map((match) => match[1]);
    expect(starts).toEqual(["20990319T170000Z", "20990326T170000Z", "20990402T160000Z"]);
    expect(content).toContain(`URL:https://orgo.test/studies/${study.id}`);
    expect(content).toContain("SUMMARY:OrGo study: 알고리즘 스터디");
    // No schedule: one all-day event over its days.
    const loose = await studies.create(leader, plan());
    const allDay = (await studies.calendar({ id: loose.id }, null)).content;
    expect(allDay).toMatch(/DTSTART;VALUE=DATE:20990310/);
    expect(allDay).toMatch(/DTEND;VALUE=DATE:20990321/);
    expect((await appErrorOf(studies.calendar({ id: 999_999 }, null))).code).toBe("NOT_FOUND");
  });

  it("gives the last seat to exactly one of many people joining at once", async () => {
    const study = await studies.create(leader, plan({ capacity: 2 }));
    const crowd = await Promise.all(Array.from({ length: 20 }, () => f.person()));
    const results = await Promise.allSettled(crowd.map((p) => studies.join(p, { id: study.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
    expect(new Set(refusals)).toEqual(new Set(["The study is full: join the waitlist"]));
    const after = await studies.byId({ id: study.id }, leader);
    expect([after.memberCount, after.status]).toEqual([2, "closed"]);
    await roomMatchesMembers(study.id);
  });

  it("promotes the waitlist in order when a seat frees, and tells the promoted", async () => {
    const study = await studies.create(leader, plan({ capacity: 2 }));
    const [b, c, d] = [await f.person(), await f.person(), await f.person()];
    expect((await studies.join(b, { id: study.id })).outcome).toBe("joined");
    expect((await appErrorOf(studies.join(c, { id: study.id }))).code).toBe("CONFLICT");
    expect((await studies.joinWaitlist(c, { id: study.id })).study.me).toEqual({
      role: "waitlisted",
      waitlistPosition: 1,
    });
    expect((await studies.joinWaitlist(d, { id: study.id })).study.me.waitlistPosition).toBe(2);

    // Closed because full, with a line to stand in: said so to everyone.
    expect(await studies.byId({ id: study.id }, null)).toMatchObject({ status: "closed", waitlistOpen: true });
    await studies.leave(b, { id: study.id });
    expect((await studies.byId({ id: study.id }, c)).me.role).toBe("member");
    expect((await studies.byId({ id: study.id }, d)).me).toEqual({ role: "waitlisted", waitlistPosition: 1 });
    const notes = await f.notifications.list(c, { limit: 5 });
    // From the study (its leader's face), not from b, who left.
    expect(notes.items[0]).toMatchObject({
      type: "study_promoted",
      study: { id: study.id },
      actor: { id: leader.userId },
    });
    const leaderNotes = await f.notifications.list(leader, { limit: 10 });
    expect(leaderNotes.items.map((n) => n.type)).toEqual(expect.arrayContaining(["study_joined", "study_left"]));
    await roomMatchesMembers(study.id);
  });

  it("runs the approval flow: request, accept or decline, each told", async () => {
    const study = await studies.create(leader, plan({ requiresApproval: true, capacity: 3 }));
    const [x, y] = [await f.person(), await f.person()];
    expect((await studies.join(x, { id: study.id })).outcome).toBe("requested");
    expect((await studies.join(y, { id: study.id })).study.me.role).toBe("requested");
    expect((await studies.byId({ id: study.id }, leader)).requests.map((u) => u.id).sort()).toEqual(
      [x.userId, y.userId].sort(),
    );
    expect((await studies.byId({ id: study.id }, x)).requests).toEqual([]);
    await studies.accept(leader, { id: study.id, userId: x.userId });
    await studies.decline(leader, { id: study.id, userId: y.userId });
    expect((await studies.byId({ id: study.id }, x)).me.role).toBe("member");
    expect((await studies.byId({ id: study.id }, y)).me.role).toBe("none");
    expect((await f.notifications.list(x, { limit: 5 })).items[0]!.type).toBe("study_accepted");
    expect((await f.notifications.list(y, { limit: 5 })).items[0]!.type).toBe("study_declined");
    await roomMatchesMembers(study.id);
  });

  it("lets only the leader edit, close, accept, remove or delete; the leader cannot leave", async () => {
    const study = await studies.create(leader, plan({ capacity: 3 }));
    const member = await f.person();
    const outsider = await f.person();
    await studies.join(member, { id: study.id });
    const attempts = [
      () => studies.update(member, { ...plan(), id: study.id, title: "Hijacked" }),
      () => studies.closeRecruiting(member, { id: study.id }),
      () => studies.removeMember(outsider, { id: study.id, userId: member.userId }),
      () => studies.accept(outsider, { id: study.id, userId: member.userId }),
      () => studies.decline(outsider, { id: study.id, userId: member.userId }),
      () => studies.delete(member, { id: study.id }),
    ];
    for (const attempt of attempts) expect((await appErrorOf(attempt())).code).toBe("FORBIDDEN");
    expect((await studies.byId({ id: study.id }, null)).title).toBe("알고리즘 스터디");
    expect((await appErrorOf(studies.leave(leader, { id: study.id }))).code).toBe("VALIDATION");
    await studies.removeMember(leader, { id: study.id, userId: member.userId });
    expect((await f.notifications.list(member, { limit: 5 })).items[0]!.type).toBe("study_removed");
    await studies.closeRecruiting(leader, { id: study.id });
    // Closed by its leader: no waitlist, whatever its seats.
    expect(await studies.byId({ id: study.id }, null)).toMatchObject({ status: "closed", waitlistOpen: false });
    expect((await appErrorOf(studies.join(outsider, { id: study.id }))).code).toBe("VALIDATION");
    expect((await appErrorOf(studies.joinWaitlist(outsider, { id: study.id }))).code).toBe("VALIDATION");
    await studies.delete(leader, { id: study.id });
    expect((await appErrorOf(studies.byId({ id: study.id }, null))).code).toBe("NOT_FOUND");
    await roomMatchesMembers(study.id);
  });

  it("refuses a capacity below the current members", async () => {
    const study = await studies.create(leader, plan({ capacity: 3 }));
    await studies.join(await f.person(), { id: study.id });
    await studies.join(await f.person(), { id: study.id });
    const error = await appErrorOf(studies.update(leader, { ...plan(), id: study.id, capacity: 2 }));
    expect(error.details?.fieldErrors?.capacity).toBeDefined();
  });

  it("derives the status at Asia/Seoul's day boundaries, whatever the server's zone", async () => {
    const study = await studies.create(
      leader,
      plan({ startsOn: "2030-03-10", endsOn: "2030-03-20", recruitUntil: "2030-03-05", timeZone: "Asia/Seoul" }),
    );
    const statusAt = async (instant: string) => {
      clock = new Date(instant);
      return (await studies.byId({ id: study.id }, null)).status;
    };
    // Midnight in Seoul is 15:00 UTC the day before.
    expect(await statusAt("2030-03-05T14:59:59Z")).toBe("recruiting");
    expect(await statusAt("2030-03-05T15:00:00Z")).toBe("closed");
    expect(await statusAt("2030-03-09T14:59:59Z")).toBe("closed");
    expect(await statusAt("2030-03-09T15:00:00Z")).toBe("in_progress");
    expect(await statusAt("2030-03-20T14:59:59Z")).toBe("in_progress");
    expect(await statusAt("2030-03-20T15:00:00Z")).toBe("ended");
    // The database session's own time zone plays no part (a server in UTC or anywhere else).
    for (const zone of ["UTC", "America/Los_Angeles", "Pacific/Auckland"]) {
      const [row] = await f.fresh.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`set local time zone '${zone}'`);
        return tx.$queryRaw<{ status: string }[]>`
          select ${statusSql(new Date("2030-03-09T15:00:00Z"))} as status from "Study" s where s.id = ${study.id}`;
      });
      expect(row!.status, zone).toBe("in_progress");
    }
    // Reading lists never writes a status.
    expect((await f.fresh.db.study.findUniqueOrThrow({ where: { id: study.id } })).recruitingClosedAt).toBeNull();
    clock = new Date("2026-01-01T00:00:00Z");
  });

  it("lists 12 per page with a total, filtered by status, tag, online and my studies", async () => {
    const lister = await f.person();
    for (let i = 0; i < 14; i++) {
      await studies.create(
        lister,
        plan({ title: `Page study ${i}`, tags: [i % 2 ? "rust" : "go"], online: i % 3 !== 0, location: "Seoul" }),
      );
    }
    const first = await studies.list({ page: 1, mine: "leading" }, lister);
    const second = await studies.list({ page: 2, mine: "leading" }, lister);
    expect([first.items.length, second.items.length, first.total, first.pageCount]).toEqual([12, 2, 14, 2]);
    expect((await studies.list({ page: 1, mine: "leading", tag: "RUST".toLowerCase() }, lister)).total).toBe(7);
    expect((await studies.list({ page: 1, mine: "leading", online: false }, lister)).total).toBe(5);
    expect((await studies.list({ page: 1, mine: "leading", status: "recruiting" }, lister)).total).toBe(14);
    expect((await studies.list({ page: 1, mine: "leading", status: "ended" }, lister)).total).toBe(0);
    const joiner = await f.person();
    await studies.join(joiner, { id: first.items[0]!.id });
    expect((await studies.list({ page: 1, mine: "joined" }, joiner)).items.map((s) => s.id)).toEqual([
      first.items[0]!.id,
    ]);
    expect((await studies.popularTags()).map((t) => t.tag)).toEqual(expect.arrayContaining(["go", "rust"]));
  });
});
