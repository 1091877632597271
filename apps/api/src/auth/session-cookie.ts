import type { IncomingMessage } from "node:http";
import { parse, serialize } from "cookie";

/**
 * Over https the cookie gets the `__Host-` prefix, which browsers accept only with
 * Secure, Path=/ and no Domain: it cannot be planted by a sibling subdomain.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-orgo_session" : "orgo_session";
}

export function serializeSessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialize(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

export function serializeClearedSessionCookie(secure: boolean): string {
  return serialize(sessionCookieName(secure), "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
}

export function readSessionToken(req: IncomingMessage, secure: boolean): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parse(header)[sessionCookieName(secure)] ?? null;
}
