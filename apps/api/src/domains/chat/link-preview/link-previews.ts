import type { Db } from "@orgo/db";
import { newStorageKey, type FileStorage } from "../../../platform/storage/file-storage.js";
import type { Logger } from "../../../platform/logger.js";
import { processImage, type ImagePreset } from "../../../platform/images/image-pipeline.js";
import { FetchRefused, type SafeFetch } from "../../../platform/link-fetch/safe-fetch.js";
import { readPagePreview } from "../../../platform/link-fetch/page-preview.js";

/** A page is read up to this much HTML (the <head> is near its start). */
const PAGE_MAX_BYTES = 1024 * 1024;
/** A picture like an upload's at most. */
const PICTURE_MAX_BYTES = 5 * 1024 * 1024;
/** A page read is kept this long; a failed read is tried again sooner. */
const FRESH_MS = 7 * 24 * 60 * 60_000;
const RETRY_FAILED_MS = 60 * 60_000;
/** Pages read at once by one process: a burst of links waits for none of them, it gets no preview. */
const READS_AT_ONCE = 8;

const previewPicture: ImagePreset = { width: 800, height: 800, fit: "inside", quality: 78 };

interface StoredPreview {
  url: string;
  status: string;
  title: string;
  description: string;
  siteName: string;
  imageKey: string | null;
  fetchedAt: Date;
}

export interface LinkPreviews {
  /** The preview of a URL (cached, or read now); null when it has none to show. */
  forUrl(url: string): Promise<StoredPreview | null>;
  /** Runs work after an answer was sent (a message's preview), logging what fails. */
  later(task: () => Promise<unknown>): void;
  /** Resolves when the work started so far is done (tests; a graceful stop). */
  settled(): Promise<void>;
}

/**
 * Link previews, read by the server and cached per URL (docs/chat.md, "Link
 * previews"): the page through the SSRF-safe fetch, its tags through open-graph-scraper,
 * its picture through the same fetch and the uploads' image pipeline (a fresh WebP).
 * Two messages with one link at once read it once.
 */
export function createLinkPreviews(deps: {
  db: Db;
  storage: FileStorage;
  fetch: SafeFetch;
  logger: Logger;
}): LinkPreviews {
  const { db, storage, fetch, logger } = deps;
  const reading = new Map<string, Promise<StoredPreview | null>>();
  const running = new Set<Promise<unknown>>();

  async function picture(imageUrl: string | null): Promise<string | null> {
    if (!imageUrl) return null;
    try {
      const fetched = await fetch(imageUrl, { accept: "image", maxBytes: PICTURE_MAX_BYTES });
      const image = await processImage(fetched.bytes, previewPicture);
      const key = newStorageKey("link-previews", image.extension);
      await storage.put(key, image.bytes, image.contentType);
      return key;
    } catch (error) {
      // A preview without its picture is still a preview.
      logger.info({ url: imageUrl, reason: reasonOf(error) }, "link preview picture not read");
      return null;
    }
  }

  async function read(url: string): Promise<StoredPreview | null> {
    let found: Omit<StoredPreview, "url" | "status" | "fetchedAt"> | null = null;
    try {
      const page = await fetch(url, { accept: "html", maxBytes: PAGE_MAX_BYTES });
      const preview = await readPagePreview(page.bytes.toString("utf8"), page.url);
      if (preview) {
        const { imageUrl, ...text } = preview;
        found = { ...text, imageKey: await picture(imageUrl) };
      }
    } catch (error) {
      logger.info({ url, reason: reasonOf(error) }, "link preview not read");
    }
    const row = { status: found ? "ok" : "failed", ...(found ?? emptyPreview), fetchedAt: new Date() };
    const stored = await db.linkPreview.upsert({ where: { url }, create: { url, ...row }, update: row });
    return stored.status === "ok" ? stored : null;
  }

  return {
    async forUrl(url) {
      const cached = await db.linkPreview.findUnique({ where: { url } });
      if (cached) {
        const age = Date.now() - cached.fetchedAt.getTime();
        if (age < (cached.status === "ok" ? FRESH_MS : RETRY_FAILED_MS)) return cached.status === "ok" ? cached : null;
      }
      const inFlight = reading.get(url);
      if (inFlight) return inFlight;
      if (reading.size >= READS_AT_ONCE) return cached?.status === "ok" ? cached : null;
      const promise = read(url).finally(() => reading.delete(url));
      reading.set(url, promise);
      return promise;
    },
    later(task) {
      const promise = task()
        .catch((error: unknown) => logger.warn({ err: error }, "link preview work failed"))
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async settled() {
      while (running.size) await Promise.all([...running]);
    },
  };
}

const emptyPreview = { title: "", description: "", siteName: "", imageKey: null };

/** What is logged of a failed read: our refusal's reason, or the error's code. */
function reasonOf(error: unknown): string {
  if (error instanceof FetchRefused) return error.message;
  if (error instanceof Error) return (error as { code?: string }).code ?? error.message;
  return String(error);
}
