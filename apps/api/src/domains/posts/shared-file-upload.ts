import { randomBytes } from "node:crypto";
import type { TSharedFile, TViewer } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import { cleanFileName, sniffFile } from "../../platform/files/file-sniff.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { fileUrl, SHARED_FILE_KIND } from "./shared-files.js";

/**
 * Stores a shared file (≤ 20 MB, the route reads no more), not yet on any message or
 * post: `chat.send`, `post.create` and `post.update` attach it by id. What it is comes from its bytes (file-sniff.ts); its
 * key is random, its extension is what it is. Unattached files go with their owner's account.
 */
export function createSharedFileReceiver({ db, storage }: { db: Db; storage: FileStorage }) {
  return async (viewer: TViewer, bytes: Uint8Array, givenName: string): Promise<TSharedFile> => {
    const name = cleanFileName(givenName);
    const sniffed = await sniffFile(bytes, name);
    const key = `files/${randomBytes(18).toString("base64url")}.${sniffed.extension}`;
    await storage.put(key, bytes, sniffed.contentType);
    try {
      const upload = await db.upload.create({
        data: {
          ownerId: viewer.userId,
          kind: SHARED_FILE_KIND,
          key,
          width: 0,
          height: 0,
          bytes: bytes.byteLength,
          name,
          fileKind: sniffed.kind,
        },
        select: { id: true },
      });
      return {
        id: upload.id,
        name,
        size: bytes.byteLength,
        kind: sniffed.kind,
        language: sniffed.language,
        url: fileUrl(storage, key, name),
      };
    } catch (error) {
      await storage.delete(key);
      throw error;
    }
  };
}
