import { AppError, serverMessages as m } from "@orgo/api-contract";
import type { TPostImage } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import type { FileStorage } from "../../platform/storage/file-storage.js";

export const POST_IMAGE_KIND = "post-image";

/** The pictures of a post or a message, in order: one select shape and one DTO for both. */
export const orderedImagesSelect = {
  orderBy: { position: "asc" },
  select: { upload: { select: { id: true, key: true, width: true, height: true } } },
} as const;

export function toImages(
  rows: { upload: { id: string; key: string; width: number; height: number } }[],
  storage: FileStorage,
): TPostImage[] {
  return rows.map(({ upload }) => postImage(upload, storage));
}

/** A stored picture as a post shows it: its address, its thumbnail's (made by the uploads route), its size. */
export function postImage(
  upload: { id: string; key: string; width: number; height: number },
  storage: FileStorage,
): TPostImage {
  const url = storage.urlOf(upload.key);
  return { id: upload.id, url, thumbUrl: `${url}?size=thumb`, width: upload.width, height: upload.height };
}

/**
 * Makes `imageIds` (uploads of the author, in that order) the post's images.
 * Each must be the author's own post-image upload, not attached to another post.
 * Uploads the post no longer uses are deleted; their storage keys are returned so
 * the caller removes the files after the commit.
 */
export async function setPostImages(
  tx: Prisma.TransactionClient,
  postId: number,
  authorId: string,
  imageIds: readonly string[],
): Promise<string[]> {
  const uploads = await tx.upload.findMany({
    where: { id: { in: [...imageIds] }, ownerId: authorId, kind: POST_IMAGE_KIND },
    select: { id: true, postImage: { select: { postId: true } }, chatImage: { select: { messageId: true } } },
  });
  const usable = uploads.filter((u) => !u.chatImage && (!u.postImage || u.postImage.postId === postId));
  if (usable.length !== imageIds.length) throw new AppError("VALIDATION", m.imageNotYours);

  const previous = await tx.postImage.findMany({ where: { postId }, select: { uploadId: true } });
  await tx.postImage.deleteMany({ where: { postId } });
  if (imageIds.length) {
    await tx.postImage.createMany({ data: imageIds.map((uploadId, position) => ({ postId, uploadId, position })) });
  }
  const dropped = previous.map((p) => p.uploadId).filter((id) => !imageIds.includes(id));
  return dropUploads(tx, dropped);
}

/** Deletes upload rows; answers their storage keys, for removing the files after the commit. */
export async function dropUploads(tx: Prisma.TransactionClient, uploadIds: string[]): Promise<string[]> {
  if (uploadIds.length === 0) return [];
  const rows = await tx.upload.findMany({ where: { id: { in: uploadIds } }, select: { key: true } });
  await tx.upload.deleteMany({ where: { id: { in: uploadIds } } });
  return rows.map((r) => r.key);
}
