import type { IncomingMessage } from "node:http";
import { parse, serialize } from "cookie";

/**
 * Over https the cookie gets the `__Host-` prefix, which browsers accept only with
 * Secure, Path=/ and no Domain: it cannot be planted by a sibling subdomain.
 */
function sessionCookieName(secure: boolean): string {
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

/**
 * The short-lived cookies beside the session: `signup` binds a pending sign-up to
 * the browser that started it, `device` marks a browser that signed in to an
 * account before. Both HttpOnly and, over https, `__Host-` prefixed like the session.
 */
export type SideCookie = "signup" | "device";
const sideCookieBase: Record<SideCookie, string> = { signup: "orgo_signup", device: "orgo_device" };
/** A trusted browser stays trusted for a year of not signing in. */
const DEVICE_COOKIE_SECONDS = 365 * 24 * 3600;

function sideCookieName(kind: SideCookie, secure: boolean): string {
  return secure ? `__Host-${sideCookieBase[kind]}` : sideCookieBase[kind];
}

export function serializeSideCookie(kind: SideCookie, value: string, secure: boolean, expiresAt?: Date): string {
  const lifetime =
    value === "" ? { maxAge: 0 } : expiresAt ? { expires: expiresAt } : { maxAge: DEVICE_COOKIE_SECONDS };
  return serialize(sideCookieName(kind, secure), value, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    ...lifetime,
  });
}

export function readSideCookie(req: IncomingMessage, kind: SideCookie, secure: boolean): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parse(header)[sideCookieName(kind, secure)] ?? null;
}
