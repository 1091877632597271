import { describe, expect, it } from "vitest";
import {
  generateSecureRandomString,
  hashSecret,
  parseSessionToken,
  secretHashesMatch,
} from "../../src/platform/sessions/session-token.js";

describe("session tokens", () => {
  it("are 24 characters of the look-alike-free alphabet, and never repeat", () => {
    const seen = new Set(Array.from({ length: 1000 }, generateSecureRandomString));
    expect(seen.size).toBe(1000);
    for (const s of seen) expect(s).toMatch(/^[a-km-z2-9]{24}$/);
  });

  it("parse only as <id>.<secret>", () => {
    const id = generateSecureRandomString();
    const secret = generateSecureRandomString();
    expect(parseSessionToken(`${id}.${secret}`)).toEqual({ id, secret });
    for (const bad of ["", id, `${id}.`, `${id}.${secret}.x`, `${id}.${secret.toUpperCase()}`, `${id}.short`]) {
      expect(parseSessionToken(bad), bad).toBeNull();
    }
  });

  it("store a SHA-256 of the secret, compared in constant time", () => {
    const hash = hashSecret("secret");
    expect(hash.byteLength).toBe(32);
    expect(secretHashesMatch(hash, hashSecret("secret"))).toBe(true);
    expect(secretHashesMatch(hash, hashSecret("secreT"))).toBe(false);
    expect(secretHashesMatch(hash, new Uint8Array(31))).toBe(false);
  });
});
