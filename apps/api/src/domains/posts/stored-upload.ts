import type { Db, Prisma } from "@orgo/db";
import { newStorageKey, type FileStorage } from "../../platform/storage/file-storage.js";

/**
 * Stores an upload not attached to anything yet (a post picture, a shared file): the
 * bytes under a new key first, then its row; the bytes go again if the row cannot be
 * written, so no file is left without the row that guards it. Answers its id and key.
 */
export async function storeUpload(
  { db, storage }: { db: Db; storage: FileStorage },
  file: { folder: string; extension: string; bytes: Uint8Array; contentType: string },
  row: Omit<Prisma.UploadUncheckedCreateInput, "key" | "bytes">,
): Promise<{ id: string; key: string }> {
  const key = newStorageKey(file.folder, file.extension);
  await storage.put(key, file.bytes, file.contentType);
  try {
    const upload = await db.upload.create({
      data: { ...row, key, bytes: file.bytes.byteLength },
      select: { id: true },
    });
    return { id: upload.id, key };
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
}
