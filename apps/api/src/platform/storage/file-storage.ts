/**
 * Where uploaded files live. The local-disk implementation serves single machines;
 * an S3-compatible store implements the same calls for a scaled-out setup
 * (every API process must see every file).
 */
export interface FileStorage {
  /** Stores bytes under a key the caller made unguessable. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** A second file with the same bytes (kept evidence of reported pictures); false when `from` is gone. */
  copy(from: string, to: string): Promise<boolean>;
  /** Idempotent: deleting a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** The public URL of a key. */
  urlOf(key: string): string;
  /** The key of one of our URLs, or null for anything else. */
  keyOf(url: string): string | null;
}

/** Keys are `<folder>/<random>.<ext>`: nothing a user typed reaches the file system. */
export const STORAGE_KEY = /^[a-z-]+\/[A-Za-z0-9_-]{16,64}\.(webp)$/;
