import { plainExcerpt, type TFeedInput, type TPostSummary } from "@orgo/api-contract";
import { poolOf, type Db } from "@orgo/db";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { postVisibleText } from "../visibility/visibility.js";
import { postImage } from "./post-images.js";

/**
 * A feed page in one SQL statement: the posts, their authors, their images (as JSON)
 * and whether the viewer likes each. Prisma reads the same page in five statements
 * (six signed in) and spends more CPU assembling them than PostgreSQL spends
 * answering; this is the hottest read of the product (docs/performance.md).
 *
 * Each combination of filters is its own SQL text, prepared once per connection: a
 * generic `$1 is null or id < $1` plan cannot use the primary key's order for a deep
 * page. Every input is a bound parameter.
 */
export interface FeedQuery {
  kind: TFeedInput["kind"];
  limit: number;
  /** Latest/Following: posts below this id. Popular: below this (likeCount, id). */
  cursor: { id: number; likes?: number } | null;
  authorHandle: string | null;
  /** Following: posts by the people this user follows. */
  followerId: string | null;
  viewerId: string | null;
}

interface FeedRow {
  id: number;
  title: string;
  excerpt: string | null;
  /** The body's start, only when the row predates its excerpt column. */
  bodyStart: string | null;
  createdAt: Date;
  updatedAt: Date;
  likeCount: number;
  commentCount: number;
  viewCount: number;
  authorId: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  images: { id: string; key: string; width: number; height: number }[];
  likedByMe: boolean;
  hiddenAt: Date | null;
}

interface Statement {
  name: string;
  text: string;
  /** The values of the statement's parameters, in their order. */
  values(query: FeedQuery): unknown[];
}

const statements = new Map<string, Statement>();

/**
 * How much of an old row's body is read to cut its excerpt (160 characters of text):
 * enough for the Markdown marks and a code block or two that the excerpt leaves out.
 */
const EXCERPT_SOURCE = 4000;

function statementFor(query: FeedQuery): Statement {
  const popular = query.kind === "popular";
  const flags = [
    popular ? "popular" : "latest",
    query.cursor ? "cursor" : "",
    query.authorHandle ? "author" : "",
    query.followerId ? "following" : "",
    query.viewerId ? "viewer" : "",
  ].join(":");
  let statement = statements.get(flags);
  if (statement) return statement;

  // PostgreSQL wants exactly the parameters a text uses: number them as they appear.
  const picks: ((q: FeedQuery) => unknown)[] = [];
  const param = (pick: (q: FeedQuery) => unknown, type: string) => {
    picks.push(pick);
    return `$${picks.length}::${type}`;
  };
  const limit = param((q) => q.limit, "int");
  // Who may see what is one rule (domains/visibility): the viewer's own hidden posts,
  // nobody else's; nothing across a block.
  const where = [postVisibleText("p", query.viewerId ? param((q) => q.viewerId, "uuid") : null)];
  if (query.cursor) {
    const id = param((q) => q.cursor?.id, "int");
    where.push(
      popular ? `(p."likeCount", p.id) < (${param((q) => q.cursor?.likes ?? 0, "int")}, ${id})` : `p.id < ${id}`,
    );
  }
  if (query.authorHandle) {
    where.push(`p."authorId" = (select id from "User" where handle = ${param((q) => q.authorHandle, "text")})`);
  }
  if (query.followerId) {
    const follower = param((q) => q.followerId, "uuid");
    where.push(
      `exists (select 1 from "Follow" f where f."followerId" = ${follower} and f."followeeId" = p."authorId")`,
    );
  }
  const liked = query.viewerId
    ? `exists (select 1 from "PostLike" l where l."postId" = p.id and l."userId" = ${param((q) => q.viewerId, "uuid")})`
    : "false";
  const order = popular ? `p."likeCount" desc, p.id desc` : "p.id desc";
  // The page first, then its authors, images and likes: planned for the page's rows,
  // not the table's (over the table, the planner hashes every like of the viewer).
  const text = `
    select p.id, p.title, p.excerpt, case when p.excerpt is null then left(p.body, ${EXCERPT_SOURCE}) end as "bodyStart",
           p."createdAt", p."updatedAt", p."likeCount", p."commentCount", p."viewCount", p."hiddenAt",
           u.id as "authorId", u.handle, u."displayName", u."avatarUrl",
           coalesce((select json_agg(json_build_object('id', up.id, 'key', up.key, 'width', up.width, 'height', up.height)
                                     order by pi.position)
                     from "PostImage" pi join "Upload" up on up.id = pi."uploadId"
                     where pi."postId" = p.id), '[]'::json) as images,
           ${liked} as "likedByMe"
    from (select * from "Post" p where ${where.join(" and ")} order by ${order} limit ${limit}) p
    join "User" u on u.id = p."authorId"
    order by ${order}`;
  statement = { name: `feed:${flags}`, text, values: (q) => picks.map((pick) => pick(q)) };
  statements.set(flags, statement);
  return statement;
}

/** Up to `limit` posts of the page, shaped as summaries (`hidden`: the viewer's own, hidden from others). */
export async function readFeedPage(
  db: Db,
  storage: FileStorage,
  query: FeedQuery,
): Promise<(TPostSummary & { hidden: boolean })[]> {
  const statement = statementFor(query);
  const { rows } = await poolOf(db).query<FeedRow>({
    name: statement.name,
    text: statement.text,
    values: statement.values(query),
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    excerpt: row.excerpt ?? plainExcerpt(row.bodyStart ?? ""),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    likeCount: row.likeCount,
    commentCount: row.commentCount,
    viewCount: row.viewCount,
    author: { id: row.authorId, handle: row.handle, displayName: row.displayName, avatarUrl: row.avatarUrl },
    images: row.images.map((image) => postImage(image, storage)),
    likedByMe: row.likedByMe,
    hidden: row.hiddenAt !== null,
  }));
}
