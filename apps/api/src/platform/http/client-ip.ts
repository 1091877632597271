import type { IncomingMessage } from "node:http";

export type ClientIp = (req: IncomingMessage) => string;

/**
 * The address rate limits and the sessions list use. Behind `hops` trusted
 * proxies, each appended the address it saw to X-Forwarded-For, so the client is
 * `hops` entries from the right; whatever the client itself put further left is
 * ignored. With no trusted proxy the header is ignored entirely.
 */
export function clientIpResolver(hops: number): ClientIp {
  return (req) => {
    const socketIp = req.socket.remoteAddress ?? "";
    if (hops === 0) return socketIp;
    const header = req.headers["x-forwarded-for"];
    const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const chain = [...forwarded, socketIp];
    return chain[Math.max(0, chain.length - 1 - hops)] ?? socketIp;
  };
}
