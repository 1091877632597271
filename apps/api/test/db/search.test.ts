import { beforeAll, describe, expect, it } from "vitest";
import type { TViewer } from "@orgo/api-contract";
import { ZSearchTerm } from "@orgo/api-contract";
import { createMemoryRateLimiter } from "../../src/platform/rate-limit/memory-rate-limiter.js";
import { createMentorDirectory } from "../../src/domains/mentoring/mentor-directory.js";
import { createSearchService } from "../../src/domains/search/search.service.js";
import { likePattern, snippetOf } from "../../src/platform/text-match.js";
import { communityFixture } from "../helpers/community-fixture.js";
import { createStudyService } from "../../src/domains/studies/study.service.js";

const device = { ip: "192.0.2.44", userAgent: "vitest" };

describe("search across posts and people", () => {
  const f = communityFixture();
  let search: ReturnType<typeof createSearchService>;
  let studies: ReturnType<typeof createStudyService>;
  let author: TViewer;

  beforeAll(async () => {
    studies = createStudyService(f.deps);
    search = createSearchService({
      db: f.fresh.db,
      storage: f.storage,
      limiter: createMemoryRateLimiter(),
      studies,
      mentors: createMentorDirectory({ db: f.fresh.db, now: () => new Date() }),
    });
    author = await f.person("searcher_one");
    await f.fresh.db.user.update({ where: { id: author.userId }, data: { displayName: "타입스크립트 장인" } });
    const posts = [
      ["자바스크립트 비동기 정리", "Promise와 async/await를 배웠다."],
      ["오늘의 회고", "자바스크립트 클로저가 드디어 이해됐다."],
      ["TypeScript generics", "Learned how to constrain a generic with extends."],
      ["Weekend notes", "Read about typescript satisfies and 100% coverage."],
    ];
    for (const [title, body] of posts) await f.posts.create(author, { title: title!, body: body!, imageIds: [] });
  });

  it("normalises what people type into one term", () => {
    expect(ZSearchTerm.parse("  TypeScript \n Generics ")).toBe("typescript generics");
    expect(ZSearchTerm.safeParse("   ").success).toBe(false);
  });

  it("finds Korean substrings case-insensitively, title matches first", async () => {
    const hits = await search.posts({ q: "자바스크립트", page: 1, limit: 10 }, null);
    expect(hits.items.map((h) => h.title)).toEqual(["자바스크립트 비동기 정리", "오늘의 회고"]);
    expect(hits.total).toBe(2);
    expect(hits.items[1]!.snippet).toContain("자바스크립트 클로저");
    expect((await search.posts({ q: "스크립", page: 1, limit: 10 }, null)).total).toBe(2);
  });

  it("finds English regardless of case, and takes % and _ literally", async () => {
    const hits = await search.posts({ q: "typescript", page: 1, limit: 10 }, null);
    expect(hits.items.map((h) => h.title)).toEqual(["TypeScript generics", "Weekend notes"]);
    expect((await search.posts({ q: "100%", page: 1, limit: 10 }, null)).total).toBe(1);
    // As characters, not wildcards: the counts equal a plain substring test.
    const live = await f.fresh.db.post.findMany({ where: { deletedAt: null } });
    for (const literal of ["%", "_"]) {
      const expected = live.filter((p) => `${p.title} ${p.body}`.includes(literal)).length;
      expect((await search.posts({ q: literal, page: 1, limit: 10 }, null)).total).toBe(expected);
    }
    expect(likePattern("a%b_c\\")).toBe("%a\\%b\\_c\\\\%");
  });

  it("pages a ranked list without overlap", async () => {
    const first = await search.posts({ q: "e", page: 1, limit: 2 }, null);
    const second = await search.posts({ q: "e", page: 2, limit: 2 }, null);
    const ids = [...first.items, ...second.items].map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.total).toBe(second.total);
  });

  it("finds people by handle or name, in Korean too, without e-mails", async () => {
    const byName = await search.people({ q: "타입스크립트", page: 1, limit: 10 });
    expect(byName.items.map((p) => p.handle)).toEqual(["searcher_one"]);
    const byHandle = await search.people({ q: ZSearchTerm.parse("SEARCHER"), page: 1, limit: 10 });
    expect(byHandle.items[0]!.handle).toBe("searcher_one");
    expect(JSON.stringify(await search.people({ q: "orgo", page: 1, limit: 50 }))).not.toContain("@orgo.dev");
  });

  it("never finds a deleted post", async () => {
    const gone = await f.posts.create(author, { title: "유니크한 삭제 예정 글", body: "x", imageIds: [] });
    expect((await search.posts({ q: "유니크한", page: 1, limit: 10 }, null)).total).toBe(1);
    await f.posts.delete(author, gone.id);
    expect((await search.posts({ q: "유니크한", page: 1, limit: 10 }, null)).total).toBe(0);
    expect((await search.counts("유니크한", null)).posts).toBe(0);
  });

  it("finds studies by title, description or tag, with their status", async () => {
    const plan = {
      description: "매주 토요일 온라인",
      startsOn: "2099-01-01",
      endsOn: "2099-02-01",
      online: true,
      capacity: 4,
      timeZone: "Asia/Seoul",
      requiresApproval: false,
    };
    await studies.create(author, { ...plan, title: "타입 딥다이브", tags: ["frontend"] });
    await studies.create(author, { ...plan, title: "Rust 입문", tags: ["systems", "rust"] });
    const byTitle = await search.studies({ q: "딥다이브", page: 1, limit: 10 }, null);
    expect(byTitle.items.map((s) => [s.title, s.status])).toEqual([["타입 딥다이브", "recruiting"]]);
    expect((await search.studies({ q: "systems", page: 1, limit: 10 }, null)).total).toBe(1);
    expect((await search.studies({ q: "토요일", page: 1, limit: 10 }, null)).total).toBe(2);
    expect((await search.counts("딥다이브", null)).studies).toBe(1);
  });

  it("counts matches per kind for the tabs", async () => {
    expect(await search.counts("자바스크립트", null)).toEqual({ posts: 2, people: 0, studies: 0, mentors: 0 });
  });

  it("ranks trending searches from the normalised log of the last week", async () => {
    for (let i = 0; i < 3; i++) await search.record(ZSearchTerm.parse(" TypeScript "), device);
    await search.record("자바스크립트", device);
    await f.fresh.db.searchTermDay.create({ data: { term: "ancient", day: new Date("2020-01-01"), count: 99 } });
    expect(await search.trending()).toEqual([
      { term: "typescript", count: 3 },
      { term: "자바스크립트", count: 1 },
    ]);
  });

  it("uses the trigram indexes (the plan with sequential scans priced out)", async () => {
    const plan = await f.fresh.db.$transaction(async (tx) => {
      await tx.$executeRaw`set local enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        explain select id from "Post"
        where "deletedAt" is null and lower("title" || ' ' || "body") like ${likePattern("스크립트")}`;
      const studyPlan = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        explain select id from "Study"
        where "deletedAt" is null and lower("title" || ' ' || "description") like ${likePattern("딥다이브")}`;
      const people = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        explain select id from "User" where lower("handle" || ' ' || "displayName") like ${likePattern("typescript")}`;
      return [...rows, ...people, ...studyPlan].map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain('Bitmap Index Scan on "Post_search_trgm"');
    expect(plan).toContain('Bitmap Index Scan on "User_search_trgm"');
    expect(plan).toContain('Bitmap Index Scan on "Study_search_trgm"');
  });

  it("cuts a snippet around the first match", () => {
    const text = `${"a".repeat(300)} needle ${"b".repeat(300)}`;
    const snippet = snippetOf(text, "needle");
    expect(snippet).toContain("needle");
    expect(snippet.startsWith("…") && snippet.endsWith("…")).toBe(true);
  });
});
