import type pg from "pg";
import { plainExcerpt } from "@orgo/api-contract";

const USERS = 500;
const BODY = "Learned something today. ".repeat(20);

/**
 * `posts` posts by 500 people in the database `client` is connected to (migrated),
 * unless it already has that many: the feed benchmarks' data, made in SQL in seconds.
 */
export async function seedPosts(client: pg.Client, posts: number): Promise<void> {
  // Posts seeded before excerpts were stored count as missing: the feed would cut them on every read.
  const { rows } = await client.query<{ n: string }>(`select count(excerpt) as n from "Post"`);
  if (Number(rows[0]!.n) >= posts) return;
  console.log(`seeding ${posts} posts by ${USERS} people…`);
  await client.query(`truncate "User" cascade`);
  await client.query(
    `insert into "User" (id, handle, "displayName")
     select gen_random_uuid(), 'bench_' || i, 'Bench person ' || i from generate_series(1, $1) i`,
    [USERS],
  );
  await client.query(
    `insert into "Post" ("authorId", title, body, excerpt, "createdAt", "updatedAt", "likeCount", "commentCount")
     select (select id from "User" order by id offset (i % $2) limit 1),
            'Post number ' || i, $3, $4,
            now() - make_interval(secs => $1 - i), now(), (random() * 200)::int, (random() * 20)::int
     from generate_series(1, $1) i`,
    [posts, USERS, BODY, plainExcerpt(BODY)],
  );
  await client.query(`analyze`);
}
