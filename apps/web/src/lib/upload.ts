import type { TAvatarUploaded, TSharedFile, TUploadedImage } from "@orgo/api-contract/schemas";

// The answer is checked with the contract's schemas, loaded with the first upload:
// zod stays out of the first screen's scripts.
const schemas = () => import("@orgo/api-contract/schemas");

/** Any zod schema: only its safeParse is needed here. */
interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * Sends a file as the raw request body with XMLHttpRequest, the one browser API
 * that reports upload progress. Errors carry the server's message.
 */
function upload<T>(path: string, schema: Parser<T>, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: reported below by status.
      }
      if (xhr.status === 200) {
        const parsed = schema.safeParse(body);
        if (parsed.success) return resolve(parsed.data);
      }
      const refused = (body as { error?: { message?: string; messageKey?: string | null } } | null)?.error;
      // The key lets the reader's language say it (i18n/describe-error.ts).
      reject(
        Object.assign(new Error(refused?.message ?? `Upload failed (${xhr.status})`), {
          messageKey: refused?.messageKey ?? null,
        }),
      );
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(file);
  });
}

export const uploadAvatar = async (file: Blob, onProgress: (fraction: number) => void): Promise<TAvatarUploaded> =>
  upload("/uploads/avatar", (await schemas()).ZAvatarUploaded, file, onProgress);

export const uploadPostImage = async (file: Blob, onProgress: (fraction: number) => void): Promise<TUploadedImage> =>
  upload("/uploads/post-image", (await schemas()).ZPostImage, file, onProgress);

/** A PDF, ZIP, text or code file for a message or a post; the server decides what it is from its bytes. */
export const uploadSharedFile = async (file: File, onProgress: (fraction: number) => void): Promise<TSharedFile> =>
  upload(`/uploads/file?name=${encodeURIComponent(file.name)}`, (await schemas()).ZSharedFile, file, onProgress);
