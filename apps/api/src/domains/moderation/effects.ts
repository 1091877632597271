import { AppError, serverMessages as m, type TDecisionAction, type TReportTargetKind } from "@orgo/api-contract";
import type { Db, Prisma } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { publishPostChanged, publishPostDeleted } from "../posts/post-events.js";
import { dropUploads } from "../posts/post-images.js";
import { publishStudyChanged } from "../studies/study-events.js";
import { publishUsersChanged } from "../users/user-events.js";
import { nextSeqs } from "../chat/room-sequence.js";
import { messageSelect, shapeMessage } from "../chat/message-row.js";
import { publishMessage } from "../chat/message-published.js";
import { publishRemovedNotifications } from "../notifications/notification.service.js";

type Tx = Prisma.TransactionClient;

/** What a decision can do to each kind of target (warn, suspend, lift and dismiss apply to all). */
const contentActions: Record<TReportTargetKind, TDecisionAction[]> = {
  post: ["hide", "delete"],
  comment: ["hide", "delete"],
  message: ["hide", "delete"],
  study: ["hide", "delete"],
  mentor: ["hide", "delete"],
  profile: ["hide"],
};

export function requireApplicable(kind: TReportTargetKind, action: TDecisionAction, ownerId: string | null) {
  if ((action === "hide" || action === "delete") && !contentActions[kind].includes(action)) {
    throw new AppError("VALIDATION", m.actionNotForTarget, { fieldErrors: { action: [m.actionNotForTarget] } });
  }
  if ((action === "warn" || action === "suspend" || action === "lift") && !ownerId) {
    throw new AppError("VALIDATION", m.actionNotForTarget, { fieldErrors: { action: [m.actionNotForTarget] } });
  }
}

/** Runs after the commit: what open screens, on every process, must be told. */
export type AfterCommit = () => Promise<void>;

interface EffectDeps {
  db: Db;
  bus: EventBus;
  storage: FileStorage;
}

/**
 * Hides (`hidden` true) or shows again a target, inside the decision's transaction;
 * answers what to publish after the commit so it disappears (or comes back) wherever
 * it shows: lists, open pages, chat rooms.
 */
export async function setHidden(
  deps: EffectDeps,
  tx: Tx,
  target: { kind: TReportTargetKind; key: string },
  hidden: boolean,
  at: Date,
): Promise<AfterCommit> {
  const hiddenAt = hidden ? at : null;
  const { bus, db } = deps;
  switch (target.kind) {
    case "post": {
      const id = Number(target.key);
      await tx.post.update({ where: { id }, data: { hiddenAt } });
      return () => (hidden ? publishPostDeleted(bus, id) : publishPostChanged(db, bus, id, true));
    }
    case "comment": {
      const comment = await tx.comment.update({
        where: { id: Number(target.key) },
        data: { hiddenAt },
        select: { postId: true },
      });
      return () => publishPostChanged(db, bus, comment.postId, true);
    }
    case "study": {
      const id = Number(target.key);
      await tx.study.update({ where: { id }, data: { hiddenAt } });
      return () => publishStudyChanged(bus, id, hidden);
    }
    case "mentor":
      await tx.mentorProfile.update({ where: { userId: target.key }, data: { hiddenAt } });
      return () => publishUsersChanged(bus, [target.key]);
    case "profile":
      await tx.user.update({ where: { id: target.key }, data: { profileHiddenAt: hiddenAt } });
      return () => publishUsersChanged(bus, [target.key]);
    case "message":
      return changeMessage(deps, tx, target.key, { hiddenAt });
  }
}

/**
 * Deletes a target as its author would (a placeholder stays in a thread or a room);
 * what was reported stays in the reports' snapshots, pictures included (copied aside).
 */
export async function deleteTarget(
  deps: EffectDeps,
  tx: Tx,
  target: { kind: TReportTargetKind; key: string },
  at: Date,
): Promise<AfterCommit> {
  const { bus, db, storage } = deps;
  switch (target.kind) {
    case "post": {
      const id = Number(target.key);
      await tx.post.update({ where: { id }, data: { deletedAt: at } });
      const images = await tx.postImage.findMany({ where: { postId: id }, select: { uploadId: true } });
      const keys = await dropUploads(
        tx,
        images.map((image) => image.uploadId),
      );
      return async () => {
        await Promise.all(keys.map((key) => storage.delete(key)));
        await publishPostDeleted(bus, id);
      };
    }
    case "comment": {
      const id = Number(target.key);
      const comment = await tx.comment.update({ where: { id }, data: { deletedAt: at }, select: { postId: true } });
      await tx.post.update({ where: { id: comment.postId }, data: { commentCount: { decrement: 1 } } });
      // As when its author deletes it: its notifications would point at nothing.
      const removed = await tx.notification.findMany({
        where: { commentId: id },
        select: { id: true, recipientId: true },
      });
      await tx.notification.deleteMany({ where: { commentId: id } });
      return async () => {
        await publishRemovedNotifications(db, bus, removed);
        await publishPostChanged(db, bus, comment.postId, true);
      };
    }
    case "study": {
      const id = Number(target.key);
      await tx.study.update({ where: { id }, data: { deletedAt: at } });
      return () => publishStudyChanged(bus, id, true);
    }
    case "mentor":
      await tx.mentorProfile.update({ where: { userId: target.key }, data: { active: false, hiddenAt: at } });
      return () => publishUsersChanged(bus, [target.key]);
    case "message":
      return changeMessage(deps, tx, target.key, { deletedAt: at, body: "" });
    case "profile":
      throw new AppError("VALIDATION", m.actionNotForTarget);
  }
}

/** A message changed by moderators takes the room's next change number, like an edit, and reaches every member live. */
async function changeMessage(
  deps: EffectDeps,
  tx: Tx,
  key: string,
  data: { hiddenAt?: Date | null; deletedAt?: Date; body?: string },
): Promise<AfterCommit> {
  const [roomId, seq] = key.split(":").map(Number) as [number, number];
  const seqs = await nextSeqs(tx, roomId, null);
  const row = await tx.chatMessage.update({
    where: { roomId_seq: { roomId, seq } },
    data: { ...data, changeSeq: seqs.changeSeq },
    select: messageSelect,
  });
  return () => publishMessage(deps.bus, seqs.changeSeq, shapeMessage(row, deps.storage), seqs.members);
}
