import type { TSharedFile } from "@orgo/api-contract";
import { languageOfName } from "../../platform/files/file-sniff.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";

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
