import { createReadStream } from "node:fs";
import { copyFile, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { STORAGE_KEY, uploadUrls, type FileStorage } from "./file-storage.js";

/** Files under `root`, served by the API at /uploads/<key> (see uploads-routes.ts). */
export function createLocalFileStorage(root: string): FileStorage & { root: string } {
  const fileOf = (key: string) => {
    if (!STORAGE_KEY.test(key)) throw new Error(`Refusing storage key ${JSON.stringify(key)}`);
    return path.join(root, key);
  };
  async function head(key: string) {
    if (!STORAGE_KEY.test(key)) return null;
    const info = await stat(fileOf(key)).catch(() => null);
    if (!info?.isFile()) return null;
    return { size: info.size, etag: `"${info.size.toString(36)}-${info.mtimeMs.toString(36)}"` };
  }
  return {
    root,
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const temp = `${file}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
    },
    async copy(from, to) {
      const target = fileOf(to);
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await copyFile(fileOf(from), target);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async read(key) {
      const info = await head(key);
      return info && { ...info, body: createReadStream(fileOf(key)) };
    },
    head,
    ...uploadUrls,
  };
}
