import { randomUUID } from "node:crypto";
import { AppError, channels, serverMessages as m, type TDevice, type TMe } from "@orgo/api-contract";
import type { AuthService } from "@orgo/api-contract/server";
import type { EventBus } from "../../platform/events/event-bus.js";
import { isUniqueViolation, recountCounters, type Db } from "@orgo/db";
import type { JobQueue } from "../../platform/jobs/job-queue.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import { loadMe } from "../users/me.js";
import { countersTouchedBy } from "../social/counters.js";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.js";
import type { SessionService } from "../../platform/sessions/session.service.js";
import { CODE_TTL_MS, hashCode } from "./auth-jobs.js";
import { boundSecretMatches, newBoundSecret, parseBoundToken } from "./bound-token.js";
import { secretHashesMatch } from "../../platform/sessions/session-token.js";
import type { RateLimiter, RateLimitRule } from "../../platform/rate-limit/rate-limiter.js";
import { enforce, limits } from "../../platform/rate-limit/limits.js";

export { CODE_TTL_MS, RESET_TTL_MS } from "./auth-jobs.js";
const CODE_MAX_ATTEMPTS = 5;
const RESEND_AFTER_SECONDS = 60;
/** An OAuth-only account proves it is really them by a sign-in this recent. */
export const FRESH_SIGN_IN_MS = 10 * 60_000;
/** Trusted browsers kept per account; the oldest beyond this are forgotten. */
const TRUSTED_DEVICES_KEPT = 20;

export interface AuthServiceDeps {
  db: Db;
  sessions: SessionService;
  jobs: JobQueue;
  limiter: RateLimiter;
  bus: EventBus;
  storage: FileStorage;
  oauthProviders: () => TMe["linkedProviders"];
  now?: () => Date;
}

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { db, sessions, jobs, limiter, bus, storage } = deps;
  const now = deps.now ?? (() => new Date());
  const invalidResetLink = () =>
    new AppError("VALIDATION", m.resetLinkInvalid, { fieldErrors: { token: [m.resetLinkInvalid] } });
  const codeExpired = () => new AppError("VALIDATION", m.codeExpired, { fieldErrors: { code: [m.codeExpired] } });

  /** Tells every process to close these sessions' websockets (after the commit). */
  async function revoked(sessionIds: string[]) {
    if (sessionIds.length)
      await bus.publish(channels.sessions, { v: 1, type: "session.revoked", data: { sessionIds } });
  }

  /** The id of this browser's trusted-device row when it belongs to the account of `email`. */
  async function trustedDeviceOf(email: string, device: TDevice): Promise<string | null> {
    const token = parseBoundToken(device.deviceToken);
    if (!token) return null;
    const row = await db.trustedDevice.findUnique({
      where: { id: token.id },
      select: { secretHash: true, user: { select: { email: true } } },
    });
    return row && row.user.email === email && boundSecretMatches(token.secret, row.secretHash) ? token.id : null;
  }

  /** Remembers this browser as one that signed in to the account (OWASP's device cookie). */
  async function trustDevice(userId: string, device: TDevice): Promise<string> {
    const existing = parseBoundToken(device.deviceToken);
    if (existing) {
      const row = await db.trustedDevice.findUnique({ where: { id: existing.id } });
      if (row?.userId === userId && boundSecretMatches(existing.secret, row.secretHash)) return device.deviceToken!;
    }
    const { secret, secretHash } = newBoundSecret();
    const row = await db.trustedDevice.create({ data: { userId, secretHash }, select: { id: true } });
    await db.$executeRaw`
      delete from "TrustedDevice" where "userId" = ${userId}::uuid and id not in (
        select id from "TrustedDevice" where "userId" = ${userId}::uuid order by "createdAt" desc limit ${TRUSTED_DEVICES_KEPT})`;
    return `${row.id}.${secret}`;
  }

  /** `trustedAlready`: the browser's device cookie was just checked against this account. */
  async function startSession(userId: string, device: TDevice, options: { trustedAlready?: boolean } = {}) {
    const me = await loadMe(db, userId);
    if (!me) throw new AppError("NOT_FOUND", m.noSuchUser);
    const { token, session } = await sessions.create(userId, device);
    const deviceToken = options.trustedAlready ? device.deviceToken! : await trustDevice(userId, device);
    return { token, expiresAt: session.expiresAt, me, deviceToken };
  }

  return {
    me: (viewer) => loadMe(db, viewer.userId),

    /*
     * One path for every address: nothing here asks whether the address has an
     * account (the mail job does), so the answer, the work and the time are the
     * same. The pending row belongs to this browser: verifying needs its cookie,
     * so a stranger who starts a sign-up for my address can never own the account.
     */
    async signUpStart(input, device) {
      const previous = parseBoundToken(device.signUpToken);
      await enforce(limiter, [
        [`signup:ip:${device.ip}`, limits.signUpPerIp],
        [`mail:address:${input.email}`, limits.mailPerAddress],
        // "Send again" from the same browser waits a minute; another browser does not.
        ...(previous ? [[`signup:resend:${previous.id}`, limits.signUpResend] satisfies [string, RateLimitRule]] : []),
      ]);
      // Handles are public (every profile shows one): saying one is taken tells nothing about e-mails.
      if (await db.user.findUnique({ where: { handle: input.handle }, select: { id: true } })) {
        throw new AppError("CONFLICT", m.handleTaken, { fieldErrors: { handle: [m.handleTaken] } });
      }
      const id = randomUUID();
      const { secret, secretHash } = newBoundSecret();
      const codeExpiresAt = new Date(now().getTime() + CODE_TTL_MS);
      const passwordHash = await hashPassword(input.password);
      await db.$transaction(async (tx) => {
        if (previous) await tx.pendingSignUp.deleteMany({ where: { id: previous.id, email: input.email } });
        await tx.pendingSignUp.create({
          data: {
            id,
            email: input.email,
            handle: input.handle,
            displayName: input.displayName,
            passwordHash,
            browserSecretHash: secretHash,
            expiresAt: codeExpiresAt,
          },
        });
        await jobs.enqueue(tx, "mail:signUp", { pendingId: id });
      });
      await limiter.hit(`signup:resend:${id}`, limits.signUpResend);
      return {
        email: input.email,
        codeExpiresAt,
        resendAfterSeconds: RESEND_AFTER_SECONDS,
        signUpToken: `${id}.${secret}`,
      };
    },

    async signUpVerify(input, device) {
      const bound = parseBoundToken(device.signUpToken);
      const pending = bound ? await db.pendingSignUp.findUnique({ where: { id: bound.id } }) : null;
      if (
        !bound ||
        !pending ||
        pending.email !== input.email ||
        !boundSecretMatches(bound.secret, pending.browserSecretHash) ||
        !pending.codeHash ||
        now() >= pending.expiresAt
      ) {
        throw codeExpired();
      }
      if (pending.attempts >= CODE_MAX_ATTEMPTS) {
        throw new AppError("RATE_LIMITED", m.tooManyCodes);
      }
      if (!secretHashesMatch(hashCode(pending.id, input.code), pending.codeHash)) {
        // Counted with a guarded update, so parallel guesses cannot exceed the limit.
        const counted = await db.pendingSignUp.updateMany({
          where: { id: pending.id, attempts: { lt: CODE_MAX_ATTEMPTS } },
          data: { attempts: { increment: 1 } },
        });
        if (counted.count === 0) throw new AppError("RATE_LIMITED", m.tooManyCodes);
        throw new AppError("VALIDATION", m.wrongCode, { fieldErrors: { code: [m.wrongCode] } });
      }
      let userId: string;
      try {
        userId = await db.$transaction(async (tx) => {
          const user = await tx.user.create({
            data: {
              email: pending.email,
              emailVerifiedAt: now(),
              handle: pending.handle,
              displayName: pending.displayName,
              passwordHash: pending.passwordHash,
            },
            select: { id: true },
          });
          // Every sign-up of this address is settled now, whoever started it.
          await tx.pendingSignUp.deleteMany({ where: { email: pending.email } });
          return user.id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError("CONFLICT", m.takenMeanwhile, { fieldErrors: { handle: [m.handleTaken] } });
        }
        throw error;
      }
      return startSession(userId, device);
    },

    async signIn(input, device) {
      // A browser that signed in to this account before keeps its own allowance, so
      // a distributed guesser who locks the account for everyone else cannot lock
      // out its owner. Counted before the password is checked: guessing costs either way.
      const trusted = await trustedDeviceOf(input.email, device);
      await enforce(limiter, [
        [`signin:ip:${device.ip}`, limits.signInPerIp],
        trusted
          ? [`signin:device:${trusted}`, limits.signInPerAccount]
          : [`signin:account:${input.email}`, limits.signInPerAccount],
      ]);
      const user = await db.user.findUnique({
        where: { email: input.email },
        select: { id: true, passwordHash: true },
      });
      const ok = user?.passwordHash
        ? await verifyPassword(user.passwordHash, input.password)
        : await verifyAgainstDummy(input.password);
      if (!user || !ok) throw new AppError("UNAUTHENTICATED", m.wrongCredentials);
      return startSession(user.id, device, { trustedAlready: trusted !== null });
    },

    async signOut(viewer) {
      await sessions.invalidate(viewer.sessionId);
      await revoked([viewer.sessionId]);
    },

    async listSessions(viewer) {
      return (await sessions.listForUser(viewer.userId)).map((s) => ({
        id: s.id,
        userAgent: s.userAgent,
        ip: s.ip,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        current: s.id === viewer.sessionId,
      }));
    },

    async endSession(viewer, sessionId) {
      // Scoped to the viewer: someone else's session id reads as not found.
      const ended = await db.session.deleteMany({ where: { id: sessionId, userId: viewer.userId } });
      if (ended.count === 0) throw new AppError("NOT_FOUND", m.noSuchSession);
      await revoked([sessionId]);
    },

    async changePassword(viewer, input) {
      // The same allowance as every other check of this account's password: without
      // it, one signed-in user could queue hundreds of hashes and starve everyone's sign-in.
      await enforce(limiter, [[`signin:account-id:${viewer.userId}`, limits.signInPerAccount]]);
      const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { passwordHash: true } });
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new AppError("VALIDATION", m.currentPasswordWrong, {
          fieldErrors: { currentPassword: [m.currentPasswordWrong] },
        });
      }
      const passwordHash = await hashPassword(input.newPassword);
      const ended = await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: viewer.userId }, data: { passwordHash } });
        return sessions.invalidateAllForUser(viewer.userId, viewer.sessionId, tx);
      });
      await revoked(ended);
    },

    options: () => ({ providers: deps.oauthProviders() }),

    async requestPasswordReset(input, device) {
      await enforce(limiter, [
        [`reset:ip:${device.ip}`, limits.resetPerIp],
        [`reset:account:${input.email}`, limits.resetPerAccount],
        [`mail:address:${input.email}`, limits.mailPerAddress],
      ]);
      // The same work whether or not the address has an account: the job decides,
      // off the request path, and only an owner gets mail.
      await db.$transaction((tx) => jobs.enqueue(tx, "mail:passwordReset", { email: input.email }));
    },

    async resetPassword(input, device) {
      await enforce(limiter, [[`reset-use:ip:${device.ip}`, limits.resetPerIp]]);
      const parsed = parseBoundToken(input.token);
      if (!parsed) throw invalidResetLink();
      const { id, secret } = parsed;
      const reset = await db.passwordReset.findUnique({ where: { id } });
      if (!reset || reset.usedAt || now() >= reset.expiresAt || !boundSecretMatches(secret, reset.secretHash)) {
        throw invalidResetLink();
      }
      const passwordHash = await hashPassword(input.newPassword);
      const ended = await db.$transaction(async (tx) => {
        // Guarded: of two requests with the same link, only one finds it unused.
        const used = await tx.passwordReset.updateMany({ where: { id, usedAt: null }, data: { usedAt: now() } });
        if (used.count === 0) throw invalidResetLink();
        // Whoever could read the mail owns the address: mark it verified.
        await tx.user.update({
          where: { id: reset.userId },
          data: { passwordHash, emailVerifiedAt: now() },
        });
        // Other links mailed before this one are worthless now.
        await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now() } });
        // Whoever knew the old password may have made their browser trusted: forget them all.
        await tx.trustedDevice.deleteMany({ where: { userId: reset.userId } });
        return sessions.invalidateAllForUser(reset.userId, undefined, tx);
      });
      await revoked(ended);
      return startSession(reset.userId, device);
    },

    async deleteAccount(viewer, input) {
      const user = await db.user.findUniqueOrThrow({
        where: { id: viewer.userId },
        select: { handle: true, passwordHash: true },
      });
      if (input.confirmHandle.trim().toLowerCase() !== user.handle) {
        throw new AppError("VALIDATION", m.confirmationMismatch, {
          fieldErrors: { confirmHandle: [m.confirmationMismatch] },
        });
      }
      if (user.passwordHash) {
        await enforce(limiter, [[`signin:account-id:${viewer.userId}`, limits.signInPerAccount]]);
        if (!input.password || !(await verifyPassword(user.passwordHash, input.password))) {
          throw new AppError("VALIDATION", m.passwordWrong, { fieldErrors: { password: [m.passwordWrong] } });
        }
      } else if (now().getTime() - viewer.signedInAtMs > FRESH_SIGN_IN_MS) {
        throw new AppError("FORBIDDEN", m.freshSignInRequired);
      }
      const { sessionIds, fileKeys } = await db.$transaction(async (tx) => {
        const [userSessions, uploads, touched] = await Promise.all([
          tx.session.findMany({ where: { userId: viewer.userId }, select: { id: true } }),
          tx.upload.findMany({ where: { ownerId: viewer.userId }, select: { key: true } }),
          countersTouchedBy(tx, viewer.userId),
        ]);
        // Studies they lead stay, closed and leaderless (the foreign key sets the leader to null).
        await tx.study.updateMany({
          where: { leaderId: viewer.userId, recruitingClosedAt: null },
          data: { recruitingClosedAt: now() },
        });
        // Everything the user owns goes with them (foreign keys cascade): profile,
        // posts and their images, comments, likes, follows, blocks, notifications,
        // sessions, identities, uploads, reset links…
        await tx.user.delete({ where: { id: viewer.userId } });
        // …and the counters of other people and posts that counted them are recounted.
        await recountCounters(tx, touched);
        return { sessionIds: userSessions.map((s) => s.id), fileKeys: uploads.map((u) => u.key) };
      });
      await revoked(sessionIds);
      // Files last: were the transaction rolled back, no file the account still uses is gone.
      await Promise.all(fileKeys.map((key) => storage.delete(key)));
    },

    async unlinkProvider(viewer, provider) {
      await db.$transaction(async (tx) => {
        // Locks the user row: two unlinks at once cannot each leave the other as the last way in.
        await tx.$executeRaw`select 1 from "User" where id = ${viewer.userId}::uuid for update`;
        const user = await tx.user.findUniqueOrThrow({
          where: { id: viewer.userId },
          select: { passwordHash: true, oauthAccounts: { select: { provider: true } } },
        });
        const others = user.oauthAccounts.filter((a) => a.provider !== provider).length;
        if (!user.passwordHash && others === 0) throw new AppError("CONFLICT", m.lastSignInMethod);
        await tx.oAuthAccount.deleteMany({ where: { userId: viewer.userId, provider } });
      });
    },
  };
}
