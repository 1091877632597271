import { randomUUID } from "node:crypto";
import type { Db } from "../client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { recountCounters } from "../counters.js";
import { DEMO_ACCOUNT_AGE_MS, demoPosts, demoUsers } from "./demo-data.js";

/**
 * Idempotent: users are upserted by handle and the demo posts are only written
 * into an empty database, so running it on every start changes nothing twice.
 */
export async function seedDemoData(
  db: Db,
  options: {
    /** The demo accounts' password, hashed by the caller (the README names it): sign in as any of them. */
    passwordHash?: string;
  } = {},
): Promise<{ users: number; posts: number }> {
  return db.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    const createdAt = new Date(Date.now() - DEMO_ACCOUNT_AGE_MS);
    for (const user of demoUsers) {
      const row = await tx.user.upsert({
        where: { handle: user.handle },
        update: {},
        create: { ...user, createdAt, passwordHash: options.passwordHash ?? null },
        select: { id: true },
      });
      ids.set(user.handle, row.id);
    }
    // Mentoring came later: a database seeded before it gets its mentors on the next start.
    if ((await tx.mentorProfile.count()) === 0) await seedMentoring(tx, ids);
    // Studies too: a database seeded before them gets them on the next start.
    if ((await tx.study.count()) === 0) await seedStudies(tx, ids);
    if ((await tx.post.count()) > 0) return { users: demoUsers.length, posts: 0 };
    // Spread creation times over the past days so the feed looks lived in.
    const now = Date.now();
    await tx.post.createMany({
      data: demoPosts.map((post, index) => ({
        authorId: ids.get(post.author)!,
        title: post.title,
        body: post.body,
        createdAt: new Date(now - (demoPosts.length - index) * 5 * 3600_000),
      })),
    });
    await seedConversation(tx, ids);
    return { users: demoUsers.length, posts: demoPosts.length };
  }, SEED_TRANSACTION);
}

/** A few hundred statements in one transaction: Prisma's default 5 s ran out on a loaded CI machine. */
const SEED_TRANSACTION = { maxWait: 30_000, timeout: 60_000 };

/** A few follows, likes and comments, so the feeds, counts and profiles look used. */
async function seedConversation(tx: Prisma.TransactionClient, ids: Map<string, string>) {
  const id = (handle: string) => ids.get(handle)!;
  const follows: [string, string][] = [
    ["jiwoo", "demo"],
    ["minjun_dev", "demo"],
    ["sara_k", "jiwoo"],
    ["leo_builds", "jiwoo"],
    ["demo", "sara_k"],
    ["jiwoo", "minjun_dev"],
    ["leo_builds", "sara_k"],
    // Two people who follow each other, and talk (the chat below).
    ["jiwoo", "sara_k"],
  ];
  await tx.follow.createMany({ data: follows.map(([a, b]) => ({ followerId: id(a), followeeId: id(b) })) });
  const posts = await tx.post.findMany({ orderBy: { id: "asc" }, select: { id: true, authorId: true } });
  const people = [...ids.values()];
  // Each post gets a different number of likes (0–4), never from its author.
  const likes = posts.flatMap((post, index) =>
    people
      .filter((userId) => userId !== post.authorId)
      .slice(0, index % 5)
      .map((userId) => ({ postId: post.id, userId })),
  );
  await tx.postLike.createMany({ data: likes });
  const [first, second] = posts.slice(-2);
  if (first && second) {
    const question = await tx.comment.create({
      data: { postId: second.id, authorId: id("jiwoo"), body: "이거 실무에서도 쓰시나요?" },
    });
    await tx.comment.create({
      data: { postId: second.id, authorId: id("leo_builds"), parentId: question.id, body: "Every day, yes." },
    });
    await tx.comment.create({
      data: { postId: first.id, authorId: id("sara_k"), body: "Bookmarking this one. `EXPLAIN` all the things!" },
    });
  }
  await seedChat(tx, ids);
  // The counters the services keep, computed once from the rows just written.
  await recountCounters(tx);
}

/**
 * Three studies, dated from today: two recruiting (one online, one in Seoul that asks
 * the leader first) and one under way. Each has its members and its room with exactly
 * them (the invariant the study service keeps).
 */
async function seedStudies(tx: Prisma.TransactionClient, ids: Map<string, string>) {
  const id = (handle: string) => ids.get(handle)!;
  const day = (offset: number) =>
    new Date(`${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
  const studies = [
    {
      leader: "minjun_dev",
      members: ["minjun_dev", "jiwoo"],
      title: "알고리즘 스터디: 그래프 4주",
      description: "BFS, DFS, 다익스트라, 위상 정렬. 매주 세 문제를 풀고 **일요일 밤 9시**에 온라인으로 리뷰해요.",
      startsOn: day(10),
      endsOn: day(38),
      recruitUntil: day(7),
      online: true,
      location: null,
      capacity: 6,
      tags: ["algorithms", "graph", "python"],
      requiresApproval: false,
      schedule: [{ weekday: 6, start: "21:00", end: "22:30" }],
    },
    {
      leader: "sara_k",
      members: ["sara_k", "leo_builds"],
      title: "Postgres internals reading group",
      description: "One chapter of *The Internals of PostgreSQL* a week, then `EXPLAIN` on our own queries.",
      startsOn: day(14),
      endsOn: day(56),
      recruitUntil: null,
      online: false,
      location: "Seoul, Gangnam",
      capacity: 4,
      tags: ["postgres", "sql"],
      requiresApproval: true,
      schedule: [{ weekday: 2, start: "19:30", end: "21:30" }],
    },
    {
      leader: "jiwoo",
      members: ["jiwoo", "demo", "minjun_dev"],
      title: "TypeScript 입문",
      description: "타입부터 제네릭까지, 4주 동안 작은 CLI 하나를 함께 만들어요.",
      startsOn: day(-7),
      endsOn: day(21),
      recruitUntil: null,
      online: true,
      location: null,
      capacity: 5,
      tags: ["typescript"],
      requiresApproval: false,
      schedule: [
        { weekday: 1, start: "20:00", end: "21:30" },
        { weekday: 3, start: "20:00", end: "21:30" },
      ],
    },
  ];
  for (const { leader, members, ...study } of studies) {
    await tx.study.create({
      data: {
        ...study,
        leaderId: id(leader),
        memberCount: members.length,
        members: { create: members.map((handle) => ({ userId: id(handle) })) },
        chatRoom: { create: { kind: "study", members: { create: members.map((handle) => ({ userId: id(handle) })) } } },
      },
    });
  }
}

/** A one-to-one conversation between jiwoo and sara_k, read up to its last message by Sara. */
async function seedChat(tx: Prisma.TransactionClient, ids: Map<string, string>) {
  const jiwoo = ids.get("jiwoo")!;
  const sara = ids.get("sara_k")!;
  const lines: [string, string][] = [
    [sara, "지우님, 어제 올리신 트랜잭션 격리 수준 글 잘 읽었어요!"],
    [jiwoo, "감사해요 🙏 `SERIALIZABLE` 부분이 제일 헷갈렸어요."],
    [sara, "Same here. Want to go through the Postgres docs together this weekend?"],
    [jiwoo, "좋아요! 토요일 오후 어때요?"],
  ];
  const started = Date.now() - 3 * 3600_000;
  const room = await tx.chatRoom.create({
    data: {
      kind: "direct",
      directKey: jiwoo < sara ? `${jiwoo}:${sara}` : `${sara}:${jiwoo}`,
      messageSeq: lines.length,
      changeSeq: lines.length,
      lastMessageAt: new Date(started + lines.length * 60_000),
      members: {
        create: [
          { userId: jiwoo, lastReadSeq: lines.length },
          { userId: sara, lastReadSeq: lines.length - 1 },
        ],
      },
    },
    select: { id: true },
  });
  await tx.chatMessage.createMany({
    data: lines.map(([authorId, body], index) => ({
      roomId: room.id,
      seq: index + 1,
      changeSeq: index + 1,
      authorId,
      clientId: randomUUID(),
      body,
      createdAt: new Date(started + (index + 1) * 60_000),
    })),
  });
}

/**
 * Two mentors with free times every week (sara_k in Seoul, leo_builds in Berlin); two
 * rated past meetings with sara_k, and one of demo's two days ago not rated yet.
 */
async function seedMentoring(tx: Prisma.TransactionClient, ids: Map<string, string>) {
  const weekdays = [0, 1, 2, 3, 4];
  await tx.mentorProfile.createMany({
    data: [
      {
        userId: ids.get("sara_k")!,
        topics: ["postgresql", "sql", "backend"],
        languages: ["ko", "en"],
        pitch:
          "Backend developer, 6 years of **PostgreSQL**. I can help with schema design, query plans and `EXPLAIN ANALYZE`.",
        timeZone: "Asia/Seoul",
        capacity: 3,
        slots: [
          ...weekdays.map((weekday) => ({ weekday, start: "19:00", end: "22:00" })),
          { weekday: 5, start: "10:00", end: "16:00" },
        ],
      },
      {
        userId: ids.get("leo_builds")!,
        topics: ["typescript", "react", "testing"],
        languages: ["en"],
        pitch:
          "Frontend lead. Ask me about **TypeScript** types that fight back, React state, and tests that do not flake.",
        timeZone: "Europe/Berlin",
        capacity: 2,
        slots: [
          ...weekdays.map((weekday) => ({ weekday, start: "08:00", end: "11:00" })),
          { weekday: 6, start: "14:00", end: "18:00" },
        ],
      },
    ],
  });
  const sara = ids.get("sara_k")!;
  const day = 24 * 3600_000;
  // On the half hour, as every meeting is.
  const pastHalfHour = (daysAgo: number) => new Date(Math.floor((Date.now() - daysAgo * day) / 1800_000) * 1800_000);
  const meetings: { learner: string; daysAgo: number; rating?: number; comment?: string }[] = [
    { learner: "minjun_dev", daysAgo: 20, rating: 5, comment: "인덱스 설계를 그림으로 설명해 주셔서 바로 이해했어요." },
    {
      learner: "minjun_dev",
      daysAgo: 9,
      rating: 4,
      comment: "Clear walk through a query plan. Bring your EXPLAIN output.",
    },
    // demo's meeting two days ago, not rated yet: the demo account can rate it.
    { learner: "demo", daysAgo: 2 },
  ];
  for (const meeting of meetings) {
    const learner = ids.get(meeting.learner)!;
    const startsAt = pastHalfHour(meeting.daysAgo);
    const request = await tx.mentorRequest.create({
      data: {
        mentorId: sara,
        learnerId: learner,
        topic: "postgresql",
        message: "My feed query does a sequential scan. Could we look at the plan together?",
        lengthMinutes: 30,
        proposedTimes: [startsAt],
        status: "accepted",
        createdAt: new Date(startsAt.getTime() - 3 * day),
        expiresAt: new Date(startsAt.getTime() + 4 * day),
        answeredAt: new Date(startsAt.getTime() - 2 * day),
      },
      select: { id: true },
    });
    const directKey = learner < sara ? `${learner}:${sara}` : `${sara}:${learner}`;
    const room = await tx.chatRoom.upsert({
      where: { directKey },
      update: {},
      create: { kind: "direct", directKey, members: { create: [{ userId: learner }, { userId: sara }] } },
      select: { id: true },
    });
    await tx.mentorMeeting.create({
      data: {
        requestId: request.id,
        mentorId: sara,
        learnerId: learner,
        roomId: room.id,
        startsAt,
        lengthMinutes: 30,
        ...(meeting.rating
          ? {
              rating: meeting.rating,
              ratingComment: meeting.comment,
              ratingPublic: true,
              ratedAt: new Date(startsAt.getTime() + day),
            }
          : {}),
      },
    });
  }
  // The profile's aggregate, from the meetings just written.
  await recountCounters(tx, { userIds: [], postIds: [], studyIds: [], mentorIds: [sara] });
}

export const DEMO_USER_HANDLE = "demo";
