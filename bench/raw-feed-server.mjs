// The baseline of `npm run bench:http`: the Latest feed as a hand-written node:http +
// pg handler would serve it. The same rows as post.feed (author, images, the
// viewer's like), the session checked like the API does (one lookup by id, the
// secret's hash compared), one statement for the page, JSON out.
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const PAGE = 20;
// The page first, then its authors, images and likes: estimated on 21 rows, not on
// the whole table (the planner would otherwise hash every like of the reader).
const FEED = `
  select p.id, p.title, p.excerpt, p."createdAt", p."updatedAt", p."likeCount", p."commentCount", p."viewCount",
         json_build_object('id', u.id, 'handle', u.handle, 'displayName', u."displayName", 'avatarUrl', u."avatarUrl") as author,
         coalesce((select json_agg(json_build_object('id', up.id, 'key', up.key, 'width', up.width, 'height', up.height) order by pi.position)
                   from "PostImage" pi join "Upload" up on up.id = pi."uploadId" where pi."postId" = p.id), '[]') as images,
         ($2::uuid is not null and exists (select 1 from "PostLike" l where l."postId" = p.id and l."userId" = $2::uuid)) as "likedByMe"
  from (select * from "Post" where "deletedAt" is null and ($1::int is null or id < $1) order by id desc limit ${PAGE + 1}) p
  join "User" u on u.id = p."authorId"
  order by p.id desc`;

async function viewerOf(cookie) {
  const token = /(?:^|;\s*)orgo_session=([^;]+)/.exec(cookie ?? "")?.[1];
  if (!token) return null;
  const [id, secret] = token.split(".");
  const { rows } = await pool.query(`select "userId", "secretHash", "expiresAt" from "Session" where id = $1`, [id]);
  const row = rows[0];
  if (!row) return null;
  const hash = createHash("sha256")
    .update(secret ?? "")
    .digest();
  if (!timingSafeEqual(hash, row.secretHash) || row.expiresAt <= new Date()) return null;
  return row.userId;
}

http
  .createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://raw");
    if (url.pathname === "/ready") return res.end("ok");
    try {
      const viewer = await viewerOf(req.headers.cookie);
      const cursor = url.searchParams.get("cursor");
      const { rows } = await pool.query(FEED, [cursor ? Number(cursor) : null, viewer]);
      const items = rows.slice(0, PAGE);
      const body = JSON.stringify({ items, nextCursor: rows.length > PAGE ? String(items.at(-1).id) : null });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
