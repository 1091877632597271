// Zod-free: the web client's composer checks a file's size before sending it.

/** A shared file (PDF, ZIP, text or code) is at most this big. */
export const FILE_MAX_BYTES = 20 * 1024 * 1024;

/** What a shared file may be, decided from its bytes: never from its name or the browser's word. */
export const fileKinds = ["pdf", "zip", "text"] as const;

/** Files on one message, or one post. */
export const CHAT_FILES_MAX = 4;

/** A text or code file is previewed up to this much (the rest is a download away). */
export const FILE_PREVIEW_MAX_BYTES = 256 * 1024;
