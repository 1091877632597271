import type { TSharedFile, TViewer } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import { cleanFileName, sniffFile } from "../../platform/files/file-sniff.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { fileUrl, SHARED_FILE_KIND } from "./shared-files.js";
import { storeUpload } from "./stored-upload.js";

/**
 * Stores a shared file (≤ 20 MB, the route reads no more), not yet on any message or
 * post: `chat.send`, `post.create` and `post.update` attach it by id. What it is
 * comes from its bytes (file-sniff.ts), and so does its key's extension. Unattached
 * files go with their owner's account, or the orphan sweep.
 */
export function createSharedFileReceiver({ db, storage }: { db: Db; storage: FileStorage }) {
  return async (viewer: TViewer, bytes: Uint8Array, givenName: string): Promise<TSharedFile> => {
    const name = cleanFileName(givenName);
    const sniffed = await sniffFile(bytes, name);
    const { id, key } = await storeUpload(
      { db, storage },
      { folder: "files", extension: sniffed.extension, bytes, contentType: sniffed.contentType },
      { ownerId: viewer.userId, kind: SHARED_FILE_KIND, width: 0, height: 0, name, fileKind: sniffed.kind },
    );
    return {
      id,
      name,
      size: bytes.byteLength,
      kind: sniffed.kind,
      language: sniffed.language,
      url: fileUrl(storage, key, name),
    };
  };
}
