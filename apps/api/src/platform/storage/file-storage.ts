import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";

/** What is known of a stored file without reading it: its size and a validator that changes with its bytes. */
interface StoredFileInfo {
  size: number;
  etag: string;
}

/** A stored file, to serve: what `head` says, and the bytes. */
interface StoredFile extends StoredFileInfo {
  body: Readable;
}

/**
 * Where uploaded files live: a folder on this machine (the default), or S3-compatible
 * object storage when API processes run on several hosts (every process must see
 * every file). Either way files are served by the API at `/uploads/<key>` (see
 * uploads-routes.ts), so stored URLs do not depend on where the bytes are.
 */
export interface FileStorage {
  /** Stores bytes under a key the caller made unguessable. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** A second file with the same bytes (kept evidence of reported pictures); false when `from` is gone. */
  copy(from: string, to: string): Promise<boolean>;
  /** Idempotent: deleting a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** The file, to serve; null when there is none. */
  read(key: string): Promise<StoredFile | null>;
  /** Whether the file is there, and its version, without its bytes (a stat, an S3 HEAD); null when there is none. */
  head(key: string): Promise<StoredFileInfo | null>;
  /** The public URL of a key. */
  urlOf(key: string): string;
  /** The key of one of our URLs, or null for anything else. */
  keyOf(url: string): string | null;
}

/** Where the API serves stored files. */
export const UPLOADS_URL_PREFIX = "/uploads/";

/** URLs of keys, the same whatever the storage (a file can move between them). */
export const uploadUrls = {
  urlOf: (key: string) => `${UPLOADS_URL_PREFIX}${key}`,
  keyOf(url: string): string | null {
    if (!url.startsWith(UPLOADS_URL_PREFIX)) return null;
    const key = url.slice(UPLOADS_URL_PREFIX.length);
    return STORAGE_KEY.test(key) ? key : null;
  },
};

/**
 * Keys are `<folder>/<random>.<ext>`, the extension what the bytes are (pictures are
 * WebP, shared files PDF, ZIP or text): nothing a user typed reaches the file system.
 */
export const STORAGE_KEY = /^[a-z-]+\/[A-Za-z0-9_-]{16,64}\.(webp|pdf|zip|txt)$/;

/** A new key in `folder`: 18 random bytes (never guessed, never reused) and what the bytes are. */
export const newStorageKey = (folder: string, extension: string) =>
  `${folder}/${randomBytes(18).toString("base64url")}.${extension}`;
