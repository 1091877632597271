import { randomInt } from "node:crypto";
import type { TOAuthProvider } from "@orgo/api-contract";
import { isUniqueViolation, type Db, type Prisma } from "@orgo/db";
import type { OAuthProfile } from "./oauth-provider.js";

/** Why a provider sign-in did not sign anybody in; the sign-in page explains each. */
type OAuthRefusal =
  /** The provider has no verified e-mail for this person. */
  | "email_unverified"
  /** An account has this e-mail but has not verified it: linking could hand it to someone else. */
  | "link_refused"
  /** While signed in: this GitHub/Google account already belongs to another OrGo account. */
  | "identity_taken"
  /** While signed in: this OrGo account is already linked to another GitHub/Google account. */
  | "provider_taken";

export type OAuthOutcome =
  { ok: true; userId: string; how: "returning" | "linked" | "created" } | { ok: false; refusal: OAuthRefusal };

/** GitHub logins and e-mail local parts, made into a valid handle (3–30 of a-z 0-9 _). */
function handleBase(suggested: string | null): string {
  const cleaned = (suggested ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 24);
  return cleaned.length >= 3 ? cleaned : `user${cleaned ? `_${cleaned}` : ""}`.slice(0, 24).padEnd(3, "0");
}

/**
 * The rules of PRODUCT.md: an identity is keyed by (provider, provider user id),
 * never by e-mail; it links to an existing account only when both sides verified
 * that e-mail; a signed-in user may link a provider to their own account.
 */
export function createOAuthService({ db }: { db: Db }) {
  async function freeHandle(tx: Prisma.TransactionClient, base: string): Promise<string> {
    const taken = new Set(
      (await tx.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map(
        (u) => u.handle,
      ),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; n < 100; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
    return `${base}_${randomInt(1000, 100_000)}`;
  }

  async function signIn(
    provider: TOAuthProvider,
    profile: OAuthProfile,
    currentUserId: string | null,
  ): Promise<OAuthOutcome> {
    const identity = { provider, providerUserId: profile.providerUserId };
    const existing = await db.oAuthAccount.findUnique({
      where: { provider_providerUserId: identity },
      select: { userId: true },
    });
    if (existing) {
      if (currentUserId && existing.userId !== currentUserId) return { ok: false, refusal: "identity_taken" };
      return { ok: true, userId: existing.userId, how: "returning" };
    }

    if (currentUserId) {
      const other = await db.oAuthAccount.findUnique({
        where: { userId_provider: { userId: currentUserId, provider } },
        select: { providerUserId: true },
      });
      if (other) return { ok: false, refusal: "provider_taken" };
      await db.oAuthAccount.create({ data: { ...identity, userId: currentUserId } });
      return { ok: true, userId: currentUserId, how: "linked" };
    }

    const email = profile.verifiedEmail;
    if (!email) return { ok: false, refusal: "email_unverified" };
    const owner = await db.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
    if (owner) {
      if (!owner.emailVerifiedAt) return { ok: false, refusal: "link_refused" };
      await db.oAuthAccount.create({ data: { ...identity, userId: owner.id } });
      return { ok: true, userId: owner.id, how: "linked" };
    }

    const base = handleBase(profile.suggestedHandle);
    const displayName = (profile.displayName?.trim() || base).slice(0, 50);
    const userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, emailVerifiedAt: new Date(), handle: await freeHandle(tx, base), displayName },
        select: { id: true },
      });
      await tx.oAuthAccount.create({ data: { ...identity, userId: user.id } });
      return user.id;
    });
    return { ok: true, userId, how: "created" };
  }

  return {
    /**
     * Decides who signs in. Two first sign-ins racing for the same identity or
     * handle meet a unique constraint; the second one simply runs the rules again.
     */
    async signInWithProfile(
      provider: TOAuthProvider,
      profile: OAuthProfile,
      currentUserId: string | null,
    ): Promise<OAuthOutcome> {
      try {
        return await signIn(provider, profile, currentUserId);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return signIn(provider, profile, currentUserId);
      }
    },
  };
}

export type OAuthService = ReturnType<typeof createOAuthService>;
