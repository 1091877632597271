import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIpResolver } from "../../src/platform/http/client-ip.js";

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as IncomingMessage;

describe("the client address for rate limits and the sessions list", () => {
  it("ignores X-Forwarded-For unless a proxy is trusted", () => {
    expect(clientIpResolver(0)(request("203.0.113.9", "1.2.3.4"))).toBe("203.0.113.9");
  });

  it("takes the address the trusted proxy saw, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the real peer.
    const behindNginx = request("10.0.0.2", "1.2.3.4, 198.51.100.7");
    expect(clientIpResolver(1)(behindNginx)).toBe("198.51.100.7");
    // Two proxies (a CDN, then nginx): the CDN's view of the client.
    expect(clientIpResolver(2)(request("10.0.0.2", "1.2.3.4, 198.51.100.7, 192.0.2.50"))).toBe("198.51.100.7");
  });

  it("falls back to the socket when the header is missing or shorter than the hops", () => {
    expect(clientIpResolver(1)(request("10.0.0.2"))).toBe("10.0.0.2");
    expect(clientIpResolver(3)(request("10.0.0.2", "198.51.100.7"))).toBe("198.51.100.7");
  });
});
