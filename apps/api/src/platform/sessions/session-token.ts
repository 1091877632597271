import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Lucia's recipe (lucia-auth.com, "Basic session API"): 24 characters from a
// 32-letter alphabet without look-alikes give 120 bits of entropy each.
const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
/** One id or secret part, as a regular-expression source (reset links reuse it). */
export const SECRET_PATTERN = "[a-km-z2-9]{24}";
const TOKEN_PART = new RegExp(`^${SECRET_PATTERN}$`);

export function generateSecureRandomString(): string {
  let out = "";
  for (const byte of randomBytes(24)) out += alphabet[byte >> 3];
  return out;
}

export function hashSecret(secret: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(secret).digest());
}

/** Constant-time: how far two hashes agree must not show in the response time. */
export function secretHashesMatch(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/** A session token is `<id>.<secret>`; anything else is refused before any query. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  return TOKEN_PART.test(id) && TOKEN_PART.test(secret) ? { id, secret } : null;
}
