import sharp from "sharp";

/** A feed row's picture: square, cropped to what draws the eye, small enough for a list. */
const THUMB = { size: 256, quality: 70 };
/** Thumbnails kept in memory (≈ 8 KB each): a busy feed's pictures, made once per process. */
const CACHED = 512;

/**
 * Square WebP thumbnails of stored pictures, made on first request and kept in a
 * small LRU (a Map in use order). Made, not stored beside the picture, so every path
 * that removes a picture (an edit, a deletion, moderation, an account going) removes
 * its thumbnail by removing the picture: the route reads the picture first, and a
 * picture that is gone answers 404 whatever is cached.
 */
export function createThumbnails() {
  const cache = new Map<string, Uint8Array>();
  return async function thumbnail(key: string, original: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const bytes = new Uint8Array(
      await sharp(await original(), { limitInputPixels: 40_000_000 })
        .resize(THUMB.size, THUMB.size, { fit: "cover", position: "attention" })
        .webp({ quality: THUMB.quality })
        .toBuffer(),
    );
    cache.set(key, bytes);
    if (cache.size > CACHED) cache.delete(cache.keys().next().value!);
    return bytes;
  };
}
