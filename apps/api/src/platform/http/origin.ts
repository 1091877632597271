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
