/**
 * The people of the chat benchmarks (bench:chat, bench:storm): signed-in users in
 * pairs (2k, 2k+1) who follow each other and share a one-to-one room, every one also
 * in a study room of `studySize` in a row; pairs are split across two processes by
 * `side`. Sessions are made the product's way (hashed secrets).
 */
import pg from "pg";
import { createDb } from "@orgo/db";
import { freshBenchDatabase } from "./servers.js";

export interface Person {
  index: number;
  id: string;
  cookie: string;
  /** The other person of the pair. */
  partnerId: string;
  pairRoom: number;
  studyRoom: number;
  /** Which server process (0 or 1) holds this person's socket. */
  side: number;
}

export async function seedChatPeople({
  server,
  name,
  users: USERS,
  studySize: STUDY_SIZE,
}: {
  server: string;
  name: string;
  users: number;
  studySize: number;
}): Promise<{ people: Person[]; membersOf: Map<number, Person[]>; databaseUrl: string }> {
  if (USERS % STUDY_SIZE !== 0) throw new Error(`the number of people must be a multiple of ${STUDY_SIZE}`);
  const databaseUrl = await freshBenchDatabase(server, name);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const users = await client.query<{ id: string; i: number }>(
    // Verified addresses, as every e-mail account has: the push sweep schedules their
    // unread-messages mail (on by default) as it would for real people.
    `insert into "User" (id, handle, "displayName", email, "emailVerifiedAt")
     select gen_random_uuid(), 'bench' || i, 'Bench ' || i, 'bench' || i || '@bench.test', now()
     from generate_series(0, $1 - 1) i
     returning id, substr(handle, 6)::int as i`,
    [USERS],
  );
  const ids = users.rows.sort((a, b) => a.i - b.i).map((r) => r.id);
  // Follows both ways, and one direct room per pair.
  await client.query(
    `insert into "Follow" ("followerId", "followeeId")
     select a, b from unnest($1::uuid[], $2::uuid[]) as t(a, b)`,
    [ids, ids.map((_, i) => ids[i ^ 1])],
  );
  const pairs = Array.from({ length: USERS / 2 }, (_, k) => [ids[2 * k]!, ids[2 * k + 1]!] as const);
  const direct = await client.query<{ id: number; directKey: string }>(
    `insert into "ChatRoom" (kind, "directKey") select 'direct', k from unnest($1::text[]) k returning id, "directKey"`,
    [pairs.map(([a, b]) => (a < b ? `${a}:${b}` : `${b}:${a}`))],
  );
  const roomOfKey = new Map(direct.rows.map((r) => [r.directKey, r.id]));
  const studies = await client.query<{ id: number }>(
    `insert into "Study" ("leaderId", title, description, "startsOn", "endsOn", online, capacity, "memberCount")
     select l, 'Bench study', 'Benchmark', current_date, current_date + 30, true, $2, $2 from unnest($1::uuid[]) l
     returning id`,
    [ids.filter((_, i) => i % STUDY_SIZE === 0), STUDY_SIZE],
  );
  const studyIds = studies.rows.map((r) => r.id).sort((a, b) => a - b);
  await client.query(
    `insert into "StudyMember" ("studyId", "userId") select s, u from unnest($1::int[], $2::uuid[]) as t(s, u)`,
    [ids.map((_, i) => studyIds[Math.floor(i / STUDY_SIZE)]), ids],
  );
  const studyRooms = await client.query<{ id: number; studyId: number }>(
    `insert into "ChatRoom" (kind, "studyId") select 'study', s from unnest($1::int[]) s returning id, "studyId"`,
    [studyIds],
  );
  const roomOfStudy = new Map(studyRooms.rows.map((r) => [r.studyId, r.id]));
  const people: Person[] = ids.map((id, index) => {
    const partner = ids[index ^ 1]!;
    return {
      index,
      id,
      cookie: "",
      partnerId: partner,
      pairRoom: roomOfKey.get(id < partner ? `${id}:${partner}` : `${partner}:${id}`)!,
      studyRoom: roomOfStudy.get(studyIds[Math.floor(index / STUDY_SIZE)]!)!,
      side: index % 2,
    };
  });
  await client.query(
    `insert into "ChatMember" ("roomId", "userId") select r, u from unnest($1::int[], $2::uuid[]) as t(r, u)`,
    [people.flatMap((p) => [p.pairRoom, p.studyRoom]), people.flatMap((p) => [p.id, p.id])],
  );
  await client.end();

  // Sessions the product's way (hashed secrets), so each socket is signed in.
  const db = createDb({ connectionString: databaseUrl, maxConnections: 8 });
  const { createSessionService } = await import("../apps/api/src/platform/sessions/session.service.js");
  const sessions = createSessionService({ db });
  for (let i = 0; i < people.length; i += 50) {
    await Promise.all(
      people.slice(i, i + 50).map(async (person) => {
        person.cookie = `orgo_session=${(await sessions.create(person.id)).token}`;
      }),
    );
  }
  await db.$disconnect();
  const membersOf = new Map<number, Person[]>();
  for (const person of people) {
    for (const room of [person.pairRoom, person.studyRoom]) {
      if (!membersOf.has(room)) membersOf.set(room, []);
      membersOf.get(room)!.push(person);
    }
  }
  return { people, membersOf, databaseUrl };
}

/** Opens sockets in batches (a burst of thousands would only measure the accept queue). */
export async function openAll<T>(items: T[], open: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += 100) await Promise.all(items.slice(i, i + 100).map(open));
}
