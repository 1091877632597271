import type { IncomingMessage, ServerResponse } from "node:http";
import { buffer } from "node:stream/consumers";
import { pipeline } from "node:stream/promises";
import { AppError, serverMessageKey, serverMessages as m, type TViewer } from "@orgo/api-contract";
import type { RequestAuth } from "../sessions/request-auth.js";
import { isAllowedOrigin } from "../http/origin.js";
import type { Origins } from "../http/origins.js";
import { sendJson } from "../http/respond.js";
import { safeFileName, SHARED_FILE_TYPES } from "../files/file-sniff.js";
import { IMAGE_MAX_BYTES } from "../images/image-pipeline.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import { enforce, limits } from "../rate-limit/limits.js";
import { STORAGE_KEY, UPLOADS_URL_PREFIX, type FileStorage } from "./file-storage.js";
import { createThumbnails } from "../images/thumbnails.js";

class TooLarge extends Error {}
/** A picture removed between asking whether it is there and reading it. */
class Gone extends Error {}

const notFound = (res: ServerResponse) => sendJson(res, 404, { error: "Not found" });

/** An upload's refusal: its code, the server's words, and their key for the client to translate. */
const refusal = (code: string, message: string) => ({
  error: { code, message, messageKey: serverMessageKey(message) ?? null },
});

/** What is read (and thrown away) of a too-large body before answering 413: bounded in bytes and time. */
const DRAIN_MAX_BYTES = 4 * IMAGE_MAX_BYTES;

const DRAIN_MAX_MS = 10_000;

/**
 * Reads the body, keeping at most `max` bytes: past it (or when Content-Length says
 * so) it answers TooLarge, leaving the rest unread for `drain`.
 */
function readBody(req: IncomingMessage, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > max) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > max) {
        stop();
        req.pause();
        return reject(new TooLarge());
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(new Uint8Array(Buffer.concat(chunks)));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

/**
 * Reads what is left of a body we will not use, so the client finishes sending and
 * then reads our answer (closing while it still sends makes it see a broken pipe,
 * not the 413). Bounded: past DRAIN_MAX_BYTES or DRAIN_MAX_MS we answer anyway and
 * close. True when the body ended within the bounds.
 */
function drain(req: IncomingMessage): Promise<boolean> {
  if (req.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    let size = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("error", onEnd);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > DRAIN_MAX_BYTES) finish(false);
    };
    const onEnd = () => finish(true);
    const timer = setTimeout(() => finish(false), DRAIN_MAX_MS);
    req.on("data", onData).on("end", onEnd).on("error", onEnd);
    req.resume();
  });
}

const statusOf: Partial<Record<string, number>> = {
  [m.imageTooLarge]: 413,
  [m.imageUnsupported]: 415,
  [m.fileTooLarge]: 413,
  [m.fileUnsupported]: 415,
};

/** One upload path: how much it reads at most (and what it says past it), and what it does with the bytes. */
export interface UploadReceiver {
  maxBytes: number;
  tooLarge: string;
  /** The answer goes out as JSON; `url` carries the path's parameters (a file's name). */
  receive(viewer: TViewer, bytes: Uint8Array, url: URL): Promise<unknown>;
}

/** What a stored file is served as, by its key's extension (the key says what its bytes are). */
const SERVED_AS: Record<string, { type: string; download: boolean }> = {
  webp: { type: "image/webp", download: false },
  ...Object.fromEntries(Object.entries(SHARED_FILE_TYPES).map(([ext, type]) => [ext, { type, download: true }])),
};

/**
 * `attachment`, with the name asked for (`?name=`, as messages link it) made safe: an
 * ASCII fallback and the UTF-8 name (RFC 6266), never a path or a quote.
 */
function attachment(name: string | null, extension: string): string {
  const clean = safeFileName(name ?? "") || `download.${extension}`;
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}

/**
 * POST /uploads/avatar, /uploads/post-image and /uploads/file?name=… (raw bytes as
 * the body, so the browser can report progress) and GET /uploads/<key> for stored files, wherever
 * they live: the API streams them from its folder or from object storage. Not signed
 * URLs to the bucket: the same address whatever the storage (stored URLs stay valid
 * when files move), same-origin (the page's `img-src 'self'`), one place that sets
 * the sandboxing and caching headers, and nothing in the bucket is public; the cost is
 * the API's bandwidth, which a caching proxy in front takes (files never change).
 */
export function createUploadsRoutes(deps: {
  /** Who uploads (serving needs nobody). */
  auth: Pick<RequestAuth, "viewerOf">;
  /** Upload paths and what each does with the bytes. */
  receivers: Record<string, UploadReceiver>;
  limiter: RateLimiter;
  /** Who may upload (read at request time). */
  origins: Origins;
  storage: FileStorage;
}) {
  const thumbnail = createThumbnails();
  /**
   * Only well-formed keys reach the storage, so no path can climb out of its folder.
   * What needs no bytes (a HEAD, a 304, a thumbnail already made) asks the storage only
   * whether the file is there and which version (a stat, an S3 HEAD), never for the file.
   */
  async function serveFile(req: IncomingMessage, res: ServerResponse, key: string, url: URL): Promise<void> {
    if (!STORAGE_KEY.test(key)) return notFound(res);
    const extension = key.slice(key.lastIndexOf(".") + 1);
    // `?size=thumb` on a picture: its square thumbnail (TPostImage.thumbUrl).
    if (url.searchParams.get("size") === "thumb" && extension === "webp") return serveThumbnail(req, res, key, url);
    const served = SERVED_AS[extension] ?? { type: "application/octet-stream", download: true };
    /** The headers of a file that is there (a missing one is a plain 404, never a download). */
    const found = (etag: string) => {
      setFileHeaders(res, etag);
      // Shared files are downloads, whatever they hold: a browser never shows one as a page here.
      if (served.download) res.setHeader("Content-Disposition", attachment(url.searchParams.get("name"), extension));
    };
    if (req.method === "HEAD" || req.headers["if-none-match"] !== undefined) {
      const info = await deps.storage.head(key);
      if (!info) return notFound(res);
      if (req.method === "HEAD" || req.headers["if-none-match"] === info.etag) {
        found(info.etag);
        if (req.method === "HEAD") {
          res.setHeader("Content-Type", served.type);
          res.setHeader("Content-Length", info.size);
        } else res.statusCode = 304;
        res.end();
        return;
      }
    }
    const file = await deps.storage.read(key);
    if (!file) return notFound(res);
    found(file.etag);
    res.setHeader("Content-Type", served.type);
    res.setHeader("Content-Length", file.size);
    // A reader that goes away mid-file ends the read too (the disk's or the bucket's).
    await pipeline(file.body, res).catch(() => undefined);
  }

  /**
   * A picture's thumbnail, made from the picture on first request. The picture is asked
   * for first, so a picture that is gone answers 404 whatever is cached.
   */
  async function serveThumbnail(req: IncomingMessage, res: ServerResponse, key: string, url: URL) {
    const info = await deps.storage.head(key);
    if (!info) return notFound(res);
    const etag = `"${info.etag.replace(/"/g, "")}-thumb"`;
    let bytes: Uint8Array | null = null;
    if (req.headers["if-none-match"] !== etag) {
      try {
        bytes = await thumbnail(key, async () => {
          const file = await deps.storage.read(key);
          if (!file) throw new Gone();
          return new Uint8Array(await buffer(file.body));
        });
      } catch (error) {
        if (error instanceof Gone) return notFound(res);
        // A stored picture sharp cannot read (it was checked on the way in): serve it as it is.
        return serveFile(req, res, key, new URL(url.pathname, url));
      }
    }
    setFileHeaders(res, etag);
    res.setHeader("Content-Type", "image/webp");
    if (bytes) res.setHeader("Content-Length", bytes.byteLength);
    if (!bytes) res.statusCode = 304;
    res.end(req.method === "HEAD" || !bytes ? undefined : bytes);
  }

  /** The headers of every stored (or made) file. */
  function setFileHeaders(res: ServerResponse, etag: string) {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("ETag", etag);
    // Keys are random and never reused: a file at a URL never changes.
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    // Even if a stored file were not an image, it could not run as a page here.
    res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  }

  async function receive(req: IncomingMessage, res: ServerResponse, receiver: UploadReceiver, url: URL) {
    if (!isAllowedOrigin(req, deps.origins.allowed)) {
      return sendJson(res, 403, { error: { code: "FORBIDDEN", message: "Cross-origin request refused" } });
    }
    const viewer = await deps.auth.viewerOf(req, res);
    if (!viewer) return sendJson(res, 401, refusal("UNAUTHENTICATED", m.signInFirst));
    try {
      await enforce(deps.limiter, [[`upload:user:${viewer.userId}`, limits.uploadsPerUser]]);
      const bytes = await readBody(req, receiver.maxBytes);
      sendJson(res, 200, await receiver.receive(viewer, bytes, url));
    } catch (error) {
      if (error instanceof TooLarge) {
        // A body past the bounds is not worth the connection: answer and close it.
        if (!(await drain(req))) res.setHeader("Connection", "close");
        return sendJson(res, 413, refusal("VALIDATION", receiver.tooLarge));
      }
      if (error instanceof AppError) {
        // Refused before the body was read (a rate limit): let the client finish sending first.
        if (!(await drain(req))) res.setHeader("Connection", "close");
        const status =
          error.code === "RATE_LIMITED" ? 429 : error.code === "FORBIDDEN" ? 403 : (statusOf[error.message] ?? 400);
        if (error.details?.retryAfterSeconds) res.setHeader("Retry-After", String(error.details.retryAfterSeconds));
        return sendJson(res, status, {
          error: { ...refusal(error.code, error.message).error, retryAfterSeconds: error.details?.retryAfterSeconds },
        });
      }
      throw error;
    }
  }

  return function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | boolean {
    const receiver = deps.receivers[url.pathname];
    if (receiver) {
      if (req.method !== "POST") return (sendJson(res, 405, { error: "Method not allowed" }), true);
      return receive(req, res, receiver, url);
    }
    if (!url.pathname.startsWith(UPLOADS_URL_PREFIX)) return false;
    if (req.method !== "GET" && req.method !== "HEAD")
      return (sendJson(res, 405, { error: "Method not allowed" }), true);
    return serveFile(req, res, url.pathname.slice(UPLOADS_URL_PREFIX.length), url);
  };
}
