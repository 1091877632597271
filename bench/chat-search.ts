/**
 * Chat search benchmark: the product's `chat.search` (the use case the API runs, on
 * Prisma) against one plain `pg` statement returning the same hits, in the same run,
 * on BENCH_MESSAGES messages (default 1 000 000) across BENCH_ROOMS rooms (default
 * 10 000: nine in ten one-to-one, the rest study rooms of ten). Words come from a
 * vocabulary of English and Korean programming words (a few common, most rare).
 *
 * Searchers: "typical" (the rooms of an ordinary member, ≈ 10) and "busy" (a member
 * of 300 study rooms besides). Queries: a common word, a rare word, a Korean
 * two-syllable partial word, a Korean word, a word from one person, a word in one room.
 * Each query runs BENCH_ROUNDS rounds (default 5) of BENCH_ITERATIONS (default 30)
 * interleaved calls; printed: the median of the rounds' medians with its range, and
 * the ratio to raw SQL the same way.
 *
 *   npm run bench:chat-search   (PostgreSQL: BENCH_DATABASE_URL, else 127.0.0.1:5432)
 */
import pg from "pg";
import { createDb } from "@orgo/db";
import type { TChatSearchInput, TViewer } from "@orgo/api-contract";
import { search } from "../apps/api/src/domains/chat/use-cases/search.js";
import { likePattern } from "../apps/api/src/platform/text-match.js";
import { compare } from "./measure.js";
import { freshBenchDatabase } from "./servers.js";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const ROOMS = Number(process.env.BENCH_ROOMS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const USERS = 3_000;
const STUDY_SIZE = 10;
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** A few words most messages use, many that few do, Korean among them (partial matches are asked for). */
const COMMON = ["react", "error", "study", "question", "thanks", "오늘", "공부", "질문"];
const KOREAN = ["자바스크립트", "타입스크립트", "데이터베이스", "알고리즘", "리액트", "파이썬", "스프링", "도커"];

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const users = await client.query<{ id: string }>(
    `insert into "User" (id, handle, "displayName")
     select gen_random_uuid(), 'bench' || i, 'Bench ' || i from generate_series(0, $1 - 1) i
     returning id`,
    [USERS],
  );
  const ids = users.rows.map((r) => r.id);
  const studies = ROOMS / 10;
  const directs = ROOMS - studies;
  // One-to-one rooms: person a with a+1, a+2, a+3 (mod USERS), each pair once.
  const pairs = Array.from({ length: directs }, (_, k) => {
    const a = k % USERS;
    const b = (a + 1 + Math.floor(k / USERS)) % USERS;
    return [ids[a]!, ids[b]!] as const;
  });
  const direct = await client.query<{ id: number }>(
    `insert into "ChatRoom" (kind, "directKey") select 'direct', k from unnest($1::text[]) k returning id`,
    [pairs.map(([a, b]) => (a < b ? `${a}:${b}` : `${b}:${a}`))],
  );
  await client.query(
    `insert into "ChatMember" ("roomId", "userId") select r, u from unnest($1::int[], $2::uuid[]) t(r, u)`,
    [direct.rows.flatMap((r) => [r.id, r.id]), pairs.flatMap(([a, b]) => [a, b])],
  );
  const studyRows = await client.query<{ id: number }>(
    `insert into "Study" ("leaderId", title, description, "startsOn", "endsOn", online, capacity, "memberCount")
     select $1, 'Study ' || i, 'Benchmark', current_date, current_date + 30, true, $2, $2 from generate_series(1, $3) i
     returning id`,
    [ids[0], STUDY_SIZE, studies],
  );
  const studyRooms = await client.query<{ id: number }>(
    `insert into "ChatRoom" (kind, "studyId") select 'study', s from unnest($1::int[]) s returning id`,
    [studyRows.rows.map((r) => r.id)],
  );
  const busy = ids[USERS - 1]!;
  const members = studyRooms.rows.flatMap((room, s) =>
    Array.from({ length: STUDY_SIZE }, (_, i) => [room.id, ids[(s * 3 + i) % (USERS - 1)]!] as const),
  );
  // The busy searcher is in 300 study rooms besides their own.
  const busyRooms = studyRooms.rows.slice(0, 300).map((room) => [room.id, busy] as const);
  const all = [...members, ...busyRooms];
  await client.query(
    `insert into "ChatMember" ("roomId", "userId") select r, u from unnest($1::int[], $2::uuid[]) t(r, u)
     on conflict do nothing`,
    [all.map(([r]) => r), all.map(([, u]) => u)],
  );
  // Messages: room by room in turn, each 6–12 words; a common word in most, a Korean
  // word in one in five, a rare word ("rareword<n>", n < 100 000) in every message.
  const started = performance.now();
  await client.query(
    `with rooms as (select array_agg(id order by id) ids from "ChatRoom"),
          members as (select "roomId", array_agg("userId") us from "ChatMember" group by "roomId")
     insert into "ChatMessage" ("roomId", seq, "changeSeq", "authorId", "clientId", body, "createdAt")
     select r.room, r.seq, r.seq, m.us[1 + (g % array_length(m.us, 1))], gen_random_uuid(),
            concat_ws(' ',
                (array['how', 'do', 'i', 'fix', 'this', 'in', 'my', 'code', 'today', 'we'])[1 + floor(random() * 10)::int],
                ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int],
                case when random() < 0.2 then ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int] end,
                'rareword' || (g::bigint * 7919) % 100000,
                (array['please', 'help', 'look', 'at', 'the', 'bug', 'again'])[1 + floor(random() * 7)::int],
                md5(g::text)),
            now() - make_interval(secs => $1 - g)
     from generate_series(1, $1) g,
          lateral (select (select ids from rooms)[1 + g % ${ROOMS}] as room, 1 + g / ${ROOMS} as seq) r
     join members m on m."roomId" = r.room`,
    [MESSAGES, COMMON, KOREAN],
  );
  await client.query(
    `update "ChatRoom" r set "messageSeq" = x.n, "changeSeq" = x.n
     from (select "roomId", max(seq) n from "ChatMessage" group by "roomId") x where x."roomId" = r.id`,
  );
  await client.query(`vacuum analyze`);
  console.log(
    `seeded ${MESSAGES} messages in ${ROOMS} rooms in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const someRoom = await client.query<{ roomId: number }>(
    `select "roomId" from "ChatMember" where "userId" = $1 order by "roomId" desc limit 1`,
    [busy],
  );
  await client.end();
  return { typical: ids[3]!, busy, partner: ids[4]!, busyRoom: someRoom.rows[0]!.roomId };
}

/** The same hits in one plain statement: ids, their rooms and authors, newest first. */
const plainSql = `
  with mine as (
    select m."roomId" from "ChatMember" m join "ChatRoom" r on r.id = m."roomId"
    where m."userId" = $1::uuid
      and (m."hiddenUpToSeq" is null or r."messageSeq" > m."hiddenUpToSeq")
      and not exists (select 1 from "Block" b where r."directKey" is not null
        and b."blockerId"::text = any(string_to_array(r."directKey", ':'))
        and b."blockedId"::text = any(string_to_array(r."directKey", ':')))
      and ($3::int is null or m."roomId" = $3)
  )
  select c.id, c."roomId", c.seq, c.body, c."createdAt", u.handle, u."displayName", s.title
  from "ChatMessage" c
  join "ChatRoom" r on r.id = c."roomId" left join "Study" s on s.id = r."studyId"
  left join "User" u on u.id = c."authorId"
  where c."roomId" in (select "roomId" from mine)
    and c."deletedAt" is null and c."hiddenAt" is null
    and lower(c.body) like $2
    and ($4::uuid is null or c."authorId" = $4)
    and not exists (select 1 from "Block" b where (b."blockerId" = $1::uuid and b."blockedId" = c."authorId")
      or (b."blockedId" = $1::uuid and b."blockerId" = c."authorId"))
    and (u.id is null or u."contentHiddenAt" is null)
  order by c.id desc limit 21`;

async function main() {
  const url = await freshBenchDatabase(server, "orgo_bench_chat_search");
  const people = await seed(url);
  const db = createDb({ connectionString: url, maxConnections: 4 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const viewer = (userId: string): TViewer => ({ userId, sessionId: "bench", signedInAtMs: Date.now() });
  const cases: { name: string; userId: string; input: TChatSearchInput }[] = [
    { name: "common word, typical", userId: people.typical, input: { q: "react", limit: 20 } },
    { name: "common word, busy", userId: people.busy, input: { q: "react", limit: 20 } },
    { name: "rare word, busy", userId: people.busy, input: { q: "rareword4242", limit: 20 } },
    { name: "Korean partial (자바), busy", userId: people.busy, input: { q: "자바", limit: 20 } },
    { name: "Korean word (데이터베이스), busy", userId: people.busy, input: { q: "데이터베이스", limit: 20 } },
    { name: "no match, busy", userId: people.busy, input: { q: "nothing-like-this", limit: 20 } },
    {
      name: "one person's word, typical",
      userId: people.typical,
      input: { q: "help", authorId: people.partner, limit: 20 },
    },
    { name: "in one room, busy", userId: people.busy, input: { q: "공부", roomId: people.busyRoom, limit: 20 } },
  ];
  const rows: string[] = [];
  const ratios: number[] = [];
  for (const c of cases) {
    const medians: number[] = [];
    const raws: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { subject, baseline } = await compare(
        () => search({ db }, viewer(c.userId), c.input),
        () =>
          client.query(plainSql, [c.userId, likePattern(c.input.q), c.input.roomId ?? null, c.input.authorId ?? null]),
        ITERATIONS,
      );
      medians.push(subject.medianMs);
      raws.push(baseline.medianMs);
    }
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = medians.map((m, i) => m / raws[i]!);
    ratios.push(mid(ratio));
    const hits = (await search({ db }, viewer(c.userId), c.input)).items.length;
    rows.push(
      `${c.name.padEnd(34)} ${mid(medians).toFixed(2).padStart(7)} ms (${Math.min(...medians).toFixed(2)}–${Math.max(...medians).toFixed(2)})` +
        `  raw SQL ${mid(raws).toFixed(2).padStart(6)} ms  ×${mid(ratio).toFixed(2)} (${Math.min(...ratio).toFixed(2)}–${Math.max(...ratio).toFixed(2)})  ${hits} hits`,
    );
  }
  console.log(
    `\nchat.search on ${MESSAGES} messages in ${ROOMS} rooms · ${ROUNDS} rounds of ${ITERATIONS} (median, range)`,
  );
  for (const row of rows) console.log(row);
  await client.end();
  await db.$disconnect();
}

await main();
