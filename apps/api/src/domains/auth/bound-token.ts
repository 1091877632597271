import {
  generateSecureRandomString,
  hashSecret,
  SECRET_PATTERN,
  secretHashesMatch,
} from "../../platform/sessions/session-token.js";

/**
 * `<row uuid>.<secret>`: names a row and proves the holder got it from us. Only
 * SHA-256 of the secret is stored (like sessions), so a database read gives no
 * usable token. Reset links, pending sign-ups and trusted devices use it.
 */
const BOUND_TOKEN = new RegExp(
  `^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(${SECRET_PATTERN})$`,
);

export function newBoundSecret(): { secret: string; secretHash: Uint8Array<ArrayBuffer> } {
  const secret = generateSecureRandomString();
  return { secret, secretHash: hashSecret(secret) };
}

export function parseBoundToken(token: string | null | undefined): { id: string; secret: string } | null {
  const match = token ? BOUND_TOKEN.exec(token) : null;
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export function boundSecretMatches(secret: string, secretHash: Uint8Array): boolean {
  return secretHashesMatch(hashSecret(secret), secretHash);
}
