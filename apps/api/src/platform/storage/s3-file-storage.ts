import type { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { STORAGE_KEY, uploadUrls, type FileStorage } from "./file-storage.js";

export interface S3StorageOptions {
  /** An S3-compatible endpoint (MinIO, R2, …); absent for AWS itself. */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key`: what most S3-compatible servers want. */
  forcePathStyle: boolean;
}

/** A missing object, whichever way the service says it (GetObject: NoSuchKey; HeadObject: NotFound; CopyObject: 404). */
const isMissing = (error: unknown) =>
  error instanceof Error &&
  (error.name === "NoSuchKey" ||
    error.name === "NotFound" ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404);

/**
 * Files in an S3-compatible bucket (`@aws-sdk/client-s3`), for API processes on
 * several hosts: none of them needs a shared disk. The bucket stays private; the API
 * streams files at `/uploads/<key>` (uploads-routes.ts says why). The SDK is loaded
 * here, when configured, not at every start.
 */
export async function createS3FileStorage(options: S3StorageOptions): Promise<FileStorage & { client: S3Client }> {
  const { S3Client, PutObjectCommand, CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } =
    await import("@aws-sdk/client-s3");
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // Checksums only where the operation requires one: S3-compatible servers do not all
    // speak the newer trailing-checksum uploads, and our bodies are small buffers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = options.bucket;
  const checked = (key: string) => {
    if (!STORAGE_KEY.test(key)) throw new Error(`Refusing storage key ${JSON.stringify(key)}`);
    return key;
  };

  return {
    client,
    async put(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: checked(key),
          Body: bytes,
          ContentType: contentType,
          // Keys are random and never reused.
          CacheControl: "public, max-age=31536000, immutable",
        }),
      );
    },
    async copy(from, to) {
      try {
        await client.send(
          new CopyObjectCommand({ Bucket, Key: checked(to), CopySource: `${Bucket}/${checked(from)}` }),
        );
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async delete(key) {
      // S3 answers a delete of a missing key with success: idempotent as the interface asks.
      await client.send(new DeleteObjectCommand({ Bucket, Key: checked(key) }));
    },
    async read(key) {
      if (!STORAGE_KEY.test(key)) return null;
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) return null;
        return {
          size: object.ContentLength ?? 0,
          etag: object.ETag ?? `"${key}"`,
          body: object.Body as Readable,
        };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async head(key) {
      if (!STORAGE_KEY.test(key)) return null;
      try {
        const object = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: object.ContentLength ?? 0, etag: object.ETag ?? `"${key}"` };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    ...uploadUrls,
  };
}
