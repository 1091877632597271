import { AppError, serverMessages as m, type TSharedFile } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import { dropUploads } from "./post-images.js";
import { languageOfName } from "../../platform/files/file-sniff.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";

/** Files shared in chat messages and in posts (PDF, ZIP, text and code): what POST /uploads/file stores. */
export const SHARED_FILE_KIND = "file";

/** A file's download address: its stored key, and its name for the download (the route sends it back sanitised). */
export const fileUrl = (storage: FileStorage, key: string, name: string) =>
  `${storage.urlOf(key)}?name=${encodeURIComponent(name)}`;

/** A message's files, in order, as read with it. */
export const orderedFilesSelect = {
  orderBy: { position: "asc" },
  select: { upload: { select: { id: true, key: true, name: true, bytes: true, fileKind: true } } },
} as const;

export function toFiles(
  rows: { upload: { id: string; key: string; name: string | null; bytes: number; fileKind: string | null } }[],
  storage: FileStorage,
): TSharedFile[] {
  return rows.map(({ upload }) => {
    const name = upload.name ?? "file";
    const kind = upload.fileKind === "pdf" || upload.fileKind === "zip" ? upload.fileKind : "text";
    return {
      id: upload.id,
      name,
      size: upload.bytes,
      kind,
      language: kind === "text" ? languageOfName(name) : null,
      url: fileUrl(storage, upload.key, name),
    };
  });
}

/**
 * Makes `fileIds` (the author's own file uploads, in that order) the post's files;
 * none used by a message or another post. Files the post no longer uses are deleted:
 * their storage keys are answered, for removing after the commit.
 */
export async function setPostFiles(
  tx: Prisma.TransactionClient,
  postId: number,
  authorId: string,
  fileIds: readonly string[],
): Promise<string[]> {
  const usable = await tx.upload.count({
    where: {
      id: { in: [...fileIds] },
      ownerId: authorId,
      kind: SHARED_FILE_KIND,
      chatFile: null,
      OR: [{ postFile: null }, { postFile: { postId } }],
    },
  });
  if (usable !== fileIds.length) {
    throw new AppError("VALIDATION", m.fileNotYours, { fieldErrors: { fileIds: [m.fileNotYours] } });
  }
  const previous = await tx.postFile.findMany({ where: { postId }, select: { uploadId: true } });
  await tx.postFile.deleteMany({ where: { postId } });
  if (fileIds.length) {
    await tx.postFile.createMany({ data: fileIds.map((uploadId, position) => ({ postId, uploadId, position })) });
  }
  return dropUploads(
    tx,
    previous.map((p) => p.uploadId).filter((id) => !fileIds.includes(id)),
  );
}
