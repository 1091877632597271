import {
  AppError,
  serverMessages as m,
  type TPublicUser,
  type TReportReason,
  type TReportTarget,
  type TReportTargetKind,
  type TSnapshot,
  ZSnapshot,
  ZSnapshotMessage,
} from "@orgo/api-contract";
import { z } from "zod";
import { isUniqueViolation, type Db, type Prisma } from "@orgo/db";
import { newStorageKey, type FileStorage } from "../../platform/storage/file-storage.js";
import { publicUserSelect } from "../users/public-user.js";
import { postVisibleWhere, studyVisibleWhere } from "../visibility/visibility.js";

type Tx = Prisma.TransactionClient;

/** A reported message shares with moderators itself and this many messages before it. */
export const CHAT_WINDOW_BEFORE = 10;

/** The key a target is filed under: one open case per key. */
function targetKeyOf(target: TReportTarget): string {
  switch (target.kind) {
    case "message":
      return `${target.roomId}:${target.seq}`;
    case "profile":
    case "mentor":
      return target.userId;
    default:
      return String(target.id);
  }
}

/** What is known of a target when it is reported. */
export interface ReportedTarget {
  kind: TReportTargetKind;
  key: string;
  ownerId: string | null;
  label: string;
  snapshot: TSnapshot;
}

const label = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 80);

/**
 * How lists name a reported target, from what was reported: a person (a profile, a
 * mentor profile) as @handle, anything else by its title or the start of its text.
 */
export function targetLabel(kind: string, snapshot: TSnapshot): string {
  if ((kind === "profile" || kind === "mentor") && snapshot.author) return `@${snapshot.author.handle}`;
  return label(snapshot.title ?? snapshot.body);
}

/**
 * The target as `viewerId` sees it now, with its snapshot; null when it does not
 * exist or they may not see it (nobody reports what they cannot read: a message
 * only from inside its room). Pictures are copied aside (`evidence/…`), so an edit
 * or deletion afterwards hides nothing from moderators.
 */
export async function readTarget(
  deps: { db: Db | Tx; storage: FileStorage },
  target: TReportTarget,
  viewerId: string | null,
): Promise<ReportedTarget | null> {
  const { db } = deps;
  const key = targetKeyOf(target);
  const base = { kind: target.kind, key };
  const snapshot = (author: TPublicUser | null, fields: Partial<TSnapshot>): TSnapshot => ({
    author,
    title: null,
    body: "",
    imageUrls: [],
    createdAt: null,
    window: null,
    ...fields,
  });
  switch (target.kind) {
    case "post": {
      const post = await db.post.findFirst({
        where: { id: target.id, ...postVisibleWhere(viewerId) },
        select: {
          authorId: true,
          title: true,
          body: true,
          createdAt: true,
          author: { select: publicUserSelect },
          images: { orderBy: { position: "asc" }, select: { upload: { select: { key: true } } } },
        },
      });
      if (!post) return null;
      const imageUrls = await keepEvidence(
        deps.storage,
        post.images.map((i) => i.upload.key),
      );
      return {
        ...base,
        ownerId: post.authorId,
        label: label(post.title),
        snapshot: snapshot(post.author, { title: post.title, body: post.body, createdAt: post.createdAt, imageUrls }),
      };
    }
    case "comment": {
      const comment = await db.comment.findFirst({
        where: { id: target.id, deletedAt: null, post: postVisibleWhere(viewerId) },
        select: { authorId: true, body: true, createdAt: true, author: { select: publicUserSelect } },
      });
      if (!comment) return null;
      return {
        ...base,
        ownerId: comment.authorId,
        label: label(comment.body),
        snapshot: snapshot(comment.author, { body: comment.body, createdAt: comment.createdAt }),
      };
    }
    case "message": {
      if (!viewerId) return null;
      const member = await db.chatMember.findUnique({
        where: { roomId_userId: { roomId: target.roomId, userId: viewerId } },
        select: { roomId: true },
      });
      if (!member) return null;
      const rows = await db.chatMessage.findMany({
        where: { roomId: target.roomId, seq: { lte: target.seq, gte: target.seq - CHAT_WINDOW_BEFORE } },
        orderBy: { seq: "asc" },
        select: {
          seq: true,
          body: true,
          createdAt: true,
          deletedAt: true,
          authorId: true,
          author: { select: publicUserSelect },
          images: { orderBy: { position: "asc" }, select: { upload: { select: { key: true } } } },
        },
      });
      const reported = rows.find((r) => r.seq === target.seq);
      if (!reported || reported.deletedAt) return null;
      const imageUrls = await keepEvidence(
        deps.storage,
        reported.images.map((i) => i.upload.key),
      );
      return {
        ...base,
        ownerId: reported.authorId,
        label: label(reported.body),
        snapshot: snapshot(reported.author, {
          body: reported.body,
          createdAt: reported.createdAt,
          imageUrls,
          window: rows.map((row) => ({
            seq: row.seq,
            author: row.author,
            body: row.deletedAt ? "" : row.body,
            createdAt: row.createdAt,
            reported: row.seq === target.seq,
          })),
        }),
      };
    }
    case "profile": {
      const user = await db.user.findUnique({
        where: { id: target.userId },
        select: { ...publicUserSelect, bio: true, createdAt: true, avatarUrl: true },
      });
      if (!user) return null;
      const avatarKey = user.avatarUrl ? deps.storage.keyOf(user.avatarUrl) : null;
      const imageUrls = await keepEvidence(deps.storage, avatarKey ? [avatarKey] : []);
      const { bio, createdAt, ...person } = user;
      return {
        ...base,
        ownerId: user.id,
        label: `@${user.handle}`,
        snapshot: snapshot(person, { title: user.displayName, body: bio, createdAt, imageUrls }),
      };
    }
    case "study": {
      const study = await db.study.findFirst({
        where: { id: target.id, ...studyVisibleWhere(viewerId) },
        select: {
          leaderId: true,
          title: true,
          description: true,
          createdAt: true,
          leader: { select: publicUserSelect },
        },
      });
      if (!study) return null;
      return {
        ...base,
        ownerId: study.leaderId,
        label: label(study.title),
        snapshot: snapshot(study.leader, { title: study.title, body: study.description, createdAt: study.createdAt }),
      };
    }
    case "mentor": {
      const mentor = await db.mentorProfile.findUnique({
        where: { userId: target.userId },
        select: { pitch: true, topics: true, createdAt: true, hiddenAt: true, user: { select: publicUserSelect } },
      });
      if (!mentor || (mentor.hiddenAt && mentor.user.id !== viewerId)) return null;
      return {
        ...base,
        ownerId: mentor.user.id,
        label: `@${mentor.user.handle}`,
        snapshot: snapshot(mentor.user, {
          title: mentor.topics.join(", "),
          body: mentor.pitch,
          createdAt: mentor.createdAt,
        }),
      };
    }
  }
}

/** Copies of the pictures, under keys of their own that no deletion touches. */
async function keepEvidence(storage: FileStorage, keys: string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const key of keys) {
    const copy = newStorageKey("evidence", "webp");
    if (await storage.copy(key, copy)) kept.push(storage.urlOf(copy));
  }
  return kept;
}

/**
 * Files a report in the caller's transaction: into the target's open case (opened
 * now if there is none; the partial unique index keeps it one), counted there.
 * `reporterId` null is OrGo itself (a text held by the watched words). A person's
 * second report of a target whose case is still open is refused.
 */
export async function fileReport(
  tx: Tx,
  input: {
    target: ReportedTarget;
    reporterId: string | null;
    reason: TReportReason;
    note: string;
    at: Date;
  },
): Promise<{ caseId: number; reportId: number }> {
  const { target } = input;
  const [opened] = await tx.$queryRaw<{ id: number }[]>`
    insert into "ModerationCase" ("kind", "targetKind", "targetKey", "ownerId", "reportCount", "createdAt", "lastReportAt")
    values ('reports', ${target.kind}, ${target.key}, ${target.ownerId}::uuid, 1, ${input.at}, ${input.at})
    on conflict ("kind", "targetKind", "targetKey") where "status" = 'open'
    do update set "reportCount" = "ModerationCase"."reportCount" + 1, "lastReportAt" = excluded."lastReportAt"
    returning id`;
  const caseId = opened!.id;
  try {
    const report = await tx.report.create({
      data: {
        caseId,
        reporterId: input.reporterId,
        reason: input.reason,
        note: input.note,
        snapshot: toJson(target.snapshot),
        createdAt: input.at,
      },
      select: { id: true },
    });
    return { caseId, reportId: report.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", m.alreadyReported);
    throw error;
  }
}

/** A snapshot as stored (JSON: dates as ISO strings). */
function toJson(snapshot: TSnapshot): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonValue;
}

/** A snapshot as stored: the DTO with its dates as JSON keeps them (ISO strings). */
const ZStoredSnapshot = ZSnapshot.extend({
  createdAt: z.coerce.date().nullable(),
  window: z.array(ZSnapshotMessage.extend({ createdAt: z.coerce.date() })).nullable(),
});

/** A stored snapshot back as the DTO. */
export function snapshotFromJson(json: Prisma.JsonValue): TSnapshot {
  return ZStoredSnapshot.parse(json);
}
