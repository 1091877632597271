import sharp, { type Metadata } from "sharp";
import { fileTypeFromBuffer } from "file-type";
import { AppError, serverMessages as m } from "@orgo/api-contract";

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Decompression bombs stop here: 40 megapixels is more than any phone photo. */
const IMAGE_MAX_PIXELS = 40_000_000;
const ACCEPTED = new Set(["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"]);

export interface ImagePreset {
  width: number;
  height: number;
  /** cover: crop to fill (avatars); inside: shrink to fit, never enlarge (post images). */
  fit: "cover" | "inside";
  quality: number;
}

export const presets = {
  avatar: { width: 256, height: 256, fit: "cover", quality: 82 },
  postImage: { width: 1600, height: 1600, fit: "inside", quality: 80 },
} satisfies Record<string, ImagePreset>;

export interface ProcessedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  contentType: "image/webp";
  extension: "webp";
}

/**
 * Trusts nothing the client said: the type comes from the bytes, the pixel count is
 * checked before decoding, and the output is a fresh WebP (upright, resized, with
 * no EXIF, GPS or other metadata, which sharp drops unless asked to keep it).
 */
export async function processImage(input: Uint8Array, preset: ImagePreset): Promise<ProcessedImage> {
  if (input.byteLength > IMAGE_MAX_BYTES) throw new AppError("VALIDATION", m.imageTooLarge);
  const type = await fileTypeFromBuffer(input);
  if (!type || !ACCEPTED.has(type.mime)) throw new AppError("VALIDATION", m.imageUnsupported);

  const source = sharp(input, { limitInputPixels: IMAGE_MAX_PIXELS, failOn: "error", animated: false });
  let metadata: Metadata;
  try {
    metadata = await source.metadata();
  } catch (error) {
    // sharp reads only the header here, and refuses at once what exceeds the limit.
    const tooBig = error instanceof Error && /pixel limit/i.test(error.message);
    throw new AppError("VALIDATION", tooBig ? m.imageTooManyPixels : m.imageUnreadable);
  }
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > IMAGE_MAX_PIXELS) {
    throw new AppError("VALIDATION", m.imageTooManyPixels);
  }
  try {
    const { data, info } = await source
      .rotate()
      .resize(preset.width, preset.height, {
        fit: preset.fit,
        position: preset.fit === "cover" ? "attention" : "centre",
        withoutEnlargement: preset.fit === "inside",
      })
      .webp({ quality: preset.quality })
      .toBuffer({ resolveWithObject: true });
    return {
      bytes: new Uint8Array(data),
      width: info.width,
      height: info.height,
      contentType: "image/webp",
      extension: "webp",
    };
  } catch {
    throw new AppError("VALIDATION", m.imageUnreadable);
  }
}
