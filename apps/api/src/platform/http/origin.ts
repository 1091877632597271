import type { IncomingMessage } from "node:http";

/**
 * CSRF defence for writes and websocket upgrades: the browser says where the
 * request comes from, and we accept only our own origins. Browsers always send
 * Origin on POST and on websocket handshakes, so its absence is refused too.
 */
export function isAllowedOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  if (req.headers["sec-fetch-site"] === "same-origin") return true;
  const origin = req.headers.origin;
  return typeof origin === "string" && allowedOrigins.includes(origin);
}

const loopback = (address: string | undefined) =>
  address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";

/** Both ends of the connection are this machine (never a request through another interface). */
export function isLoopbackRequest(req: IncomingMessage): boolean {
  return loopback(req.socket.localAddress) && loopback(req.socket.remoteAddress);
}

/** The request names one of our own origins' hosts (a rebound DNS name does not). */
export function isOwnHost(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const host = req.headers.host?.toLowerCase();
  if (!host) return false;
  return allowedOrigins.some((origin) => {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  });
}
