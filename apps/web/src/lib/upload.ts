import { ZAvatarUploaded, type TAvatarUploaded } from "@orgo/api-contract/schemas";

/**
 * Sends a file as the raw request body with XMLHttpRequest, the one browser API
 * that reports upload progress. Errors carry the server's message.
 */
export function uploadAvatar(file: Blob, onProgress: (fraction: number) => void): Promise<TAvatarUploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/uploads/avatar");
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
        const parsed = ZAvatarUploaded.safeParse(body);
        if (parsed.success) return resolve(parsed.data);
      }
      const message = (body as { error?: { message?: string } } | null)?.error?.message;
      reject(new Error(message ?? `Upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(file);
  });
}
