// The baseline of bench/storm.ts: a plain `ws` server that does the database checks a
// chat tab's subscriptions need, with the fewest round trips — the session once per
// socket (at the upgrade), then one statement per subscription that reads the
// database: a room's membership, block and head together; notifications' head or
// what came after the client's last id; who of the watched people I may see. It
// answers tRPC-shaped "started" frames and nothing else: no router, no validation,
// no bus. The floor a live layer's reconnect can approach.
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { WebSocketServer } from "ws";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });

async function viewerOf(cookie) {
  const token = /(?:^|;\s*)orgo_session=([^;]+)/.exec(cookie ?? "")?.[1];
  const [id, secret] = token?.split(".") ?? [];
  if (!id || !secret) return null;
  const { rows } = await pool.query(
    `select "userId", "secretHash" from "Session" where id = $1 and "expiresAt" > now() and "absoluteExpiresAt" > now()`,
    [id],
  );
  const hash = createHash("sha256").update(secret).digest();
  const row = rows[0];
  return row && row.secretHash.length === hash.length && timingSafeEqual(row.secretHash, hash) ? row.userId : null;
}

const statements = {
  "chat.onRoom": (userId, input) =>
    pool.query(
      `select r."changeSeq", exists (
         select 1 from "Block" b
         where r."directKey" is not null
           and b."blockerId"::text = any(string_to_array(r."directKey", ':'))
           and b."blockedId"::text = any(string_to_array(r."directKey", ':'))
       ) as blocked
       from "ChatMember" m join "ChatRoom" r on r.id = m."roomId"
       where m."roomId" = $1 and m."userId" = $2::uuid`,
      [input.roomId, userId],
    ),
  "notification.onChange": (userId, input, lastEventId) =>
    lastEventId === undefined
      ? pool.query(`select "notificationSeq" from "User" where id = $1::uuid`, [userId])
      : pool.query(
          `select id from "Notification" where "recipientId" = $1::uuid and "changeSeq" > $2 order by "changeSeq" limit 200`,
          [userId, Number(lastEventId)],
        ),
  "presence.watch": (userId, input) =>
    pool.query(
      `select f."followeeId"::text as id from "Follow" f
       where f."followerId" = $1::uuid and f."followeeId" = any($2::uuid[])
       union
       select other."userId"::text from "ChatMember" mine
       join "ChatMember" other on other."roomId" = mine."roomId"
       where mine."userId" = $1::uuid and other."userId" = any($2::uuid[])
       except
       select case when b."blockerId" = $1::uuid then b."blockedId" else b."blockerId" end::text
       from "Block" b where b."blockerId" = $1::uuid or b."blockedId" = $1::uuid`,
      [userId, input.userIds],
    ),
};

const server = http.createServer((req, res) => {
  if (req.url === "/ready") return res.end("ok");
  res.statusCode = 404;
  res.end();
});
const wss = new WebSocketServer({ noServer: true });
server.on("upgrade", (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    const viewer = viewerOf(req.headers.cookie);
    ws.on("message", async (data) => {
      const message = JSON.parse(data.toString("utf8"));
      const userId = await viewer;
      if (!userId) return ws.send(JSON.stringify({ id: message.id, error: { code: -32001 } }));
      const check = statements[message.params.path];
      if (check) await check(userId, message.params.input?.json ?? {}, message.params.lastEventId);
      ws.send(JSON.stringify({ id: message.id, jsonrpc: "2.0", result: { type: "started" } }));
    });
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
