import { randomBytes } from "node:crypto";
import type { TUploadedImage, TViewer } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import { presets, processImage } from "../../platform/images/image-pipeline.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { POST_IMAGE_KIND } from "./post-images.js";

/**
 * Stores a re-encoded post image, not yet attached to any post; `post.create` or
 * `post.update` attaches it by id. Unattached images go with their owner's account.
 */
export function createPostImageReceiver({ db, storage }: { db: Db; storage: FileStorage }) {
  return async (viewer: TViewer, bytes: Uint8Array): Promise<TUploadedImage> => {
    const image = await processImage(bytes, presets.postImage);
    const key = `post-images/${randomBytes(18).toString("base64url")}.${image.extension}`;
    await storage.put(key, image.bytes, image.contentType);
    try {
      const upload = await db.upload.create({
        data: {
          ownerId: viewer.userId,
          kind: POST_IMAGE_KIND,
          key,
          width: image.width,
          height: image.height,
          bytes: image.bytes.byteLength,
        },
        select: { id: true },
      });
      return { id: upload.id, url: storage.urlOf(key), width: image.width, height: image.height };
    } catch (error) {
      await storage.delete(key);
      throw error;
    }
  };
}
