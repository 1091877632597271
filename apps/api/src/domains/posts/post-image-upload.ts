import type { TUploadedImage, TViewer } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import { presets, processImage } from "../../platform/images/image-pipeline.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { POST_IMAGE_KIND, postImage } from "./post-images.js";
import { storeUpload } from "./stored-upload.js";

/**
 * Stores a re-encoded post image, not yet attached to any post; `post.create` or
 * `post.update` attaches it by id. Unattached images go with their owner's account.
 */
export function createPostImageReceiver({ db, storage }: { db: Db; storage: FileStorage }) {
  return async (viewer: TViewer, bytes: Uint8Array): Promise<TUploadedImage> => {
    const image = await processImage(bytes, presets.postImage);
    const { id, key } = await storeUpload(
      { db, storage },
      { folder: "post-images", extension: image.extension, bytes: image.bytes, contentType: image.contentType },
      { ownerId: viewer.userId, kind: POST_IMAGE_KIND, width: image.width, height: image.height },
    );
    return postImage({ id, key, width: image.width, height: image.height }, storage);
  };
}
