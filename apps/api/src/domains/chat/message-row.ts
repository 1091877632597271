import type { TChatMessage } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { publicUserSelect } from "../users/public-user.js";
import { orderedImagesSelect, toImages } from "../posts/post-images.js";

/** What a message is read with, wherever it is read. */
export const messageSelect = {
  roomId: true,
  seq: true,
  changeSeq: true,
  clientId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: publicUserSelect },
  images: orderedImagesSelect,
} as const;

export type MessageRow = Prisma.ChatMessageGetPayload<{ select: typeof messageSelect }>;

/** A message as members see it: a deleted one keeps its place, without its text or pictures. */
export function shapeMessage(row: MessageRow, storage: FileStorage): TChatMessage {
  return {
    roomId: row.roomId,
    seq: row.seq,
    author: row.author,
    clientId: row.clientId,
    body: row.deletedAt ? "" : row.body,
    createdAt: row.createdAt,
    edited: row.editedAt !== null,
    deleted: row.deletedAt !== null,
    images: row.deletedAt ? [] : toImages(row.images, storage),
  };
}
