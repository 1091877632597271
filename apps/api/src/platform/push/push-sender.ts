import { isIP } from "node:net";
import webpush from "web-push";

/** A browser's push subscription, as stored. */
interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** Who runs this server, for push services that need to reach us: mailto: or https:. */
  subject: string;
}

/**
 * "sent"; "gone" when the push service no longer knows the subscription (404/410):
 * the device is removed. Anything else throws, and the job retries.
 */
type PushResult = "sent" | "gone";

export interface PushSender {
  readonly publicKey: string;
  /** Whether the server sends to this endpoint: only the push services' own hosts. */
  allows(endpoint: string): boolean;
  send(
    target: PushTarget,
    payload: string,
    options: { ttlSeconds: number; urgency: "normal" | "high"; topic?: string },
  ): Promise<PushResult>;
}

/**
 * The hosts of the browsers' push services (Chrome/Edge via FCM, Firefox, Safari,
 * Windows). A `*.` entry matches subdomains. A subscription is input from a browser:
 * without this list it could make the server call any address.
 */
export const DEFAULT_PUSH_HOSTS = [
  "fcm.googleapis.com",
  "updates.push.services.mozilla.com",
  "*.push.apple.com",
  "*.notify.windows.com",
];

const isLoopback = (host: string) =>
  host === "localhost" || host === "[::1]" || (isIP(host) === 4 && host.startsWith("127."));

/** Is this endpoint on an allowed host? https only, but for a loopback host the list names (tests). */
export function endpointAllowed(endpoint: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  const listed = hosts.some((entry) =>
    entry.startsWith("*.") ? host.endsWith(entry.slice(1)) && host.length > entry.length - 1 : host === entry,
  );
  if (!listed) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(host));
}

/** Longest a push service may take to answer before the job counts a failure and retries. */
const SEND_TIMEOUT_MS = 10_000;

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption
 * (RFC 8291), all by the `web-push` library; the request itself goes out with
 * fetch, which never follows a redirect (a push service answers, it does not send
 * us elsewhere), gives up after SEND_TIMEOUT_MS, and can reach the loopback test
 * service over plain HTTP.
 */
export function createPushSender(options: { vapid: VapidKeys; allowedHosts: readonly string[] }): PushSender {
  const { vapid, allowedHosts } = options;
  return {
    publicKey: vapid.publicKey,
    allows: (endpoint) => endpointAllowed(endpoint, allowedHosts),
    async send(target, payload, sendOptions) {
      if (!endpointAllowed(target.endpoint, allowedHosts)) return "gone";
      const request = webpush.generateRequestDetails(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        {
          vapidDetails: vapid,
          TTL: sendOptions.ttlSeconds,
          urgency: sendOptions.urgency,
          contentEncoding: "aes128gcm",
          ...(sendOptions.topic ? { topic: sendOptions.topic } : {}),
        },
      );
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body ?? null,
        redirect: "manual",
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.status === 404 || response.status === 410) return "gone";
      if (response.status >= 200 && response.status < 300) return "sent";
      throw new Error(`push service answered ${response.status}`);
    },
  };
}

/** A new key pair for VAPID, base64url as browsers take it. */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys();
}
