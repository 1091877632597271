import { createHash, randomInt, randomUUID } from "node:crypto";
import { AppError, channels, serverMessages as m, type AuthService, type TMe } from "@orgo/api-contract";
import type { EventBus } from "../events/event-bus.js";
import { isUniqueViolation, recountCounters, type Db } from "@orgo/db";
import type { Mailer } from "../mail/mailer.js";
import { mailTemplates } from "../mail/mail-templates.js";
import type { FileStorage } from "../storage/file-storage.js";
import { loadMe } from "../users/me.js";
import { countersTouchedBy } from "../social/counters.js";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.js";
import type { SessionService } from "./session.service.js";
import { generateSecureRandomString, hashSecret, SECRET_PATTERN, secretHashesMatch } from "./session-token.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import { enforce, limits } from "../rate-limit/limits.js";

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const RESEND_AFTER_SECONDS = 60;
export const RESET_TTL_MS = 30 * 60_000;
/** An OAuth-only account proves it is really them by a sign-in this recent. */
export const FRESH_SIGN_IN_MS = 10 * 60_000;

const RESET_TOKEN = new RegExp(`^([0-9a-f-]{36})\\.(${SECRET_PATTERN})$`);

/** Salted with the row id, so equal codes of two sign-ups never share a hash. */
function hashCode(pendingId: string, code: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(`${pendingId}:${code}`).digest());
}

export interface AuthServiceDeps {
  db: Db;
  sessions: SessionService;
  mailer: Mailer;
  limiter: RateLimiter;
  bus: EventBus;
  storage: FileStorage;
  /** Where links in mail point (read at send time: tests learn their port late). */
  publicOrigin: () => string;
  oauthProviders: () => TMe["linkedProviders"];
  now?: () => Date;
}

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { db, sessions, mailer, limiter, bus, storage } = deps;
  const now = deps.now ?? (() => new Date());
  const invalidResetLink = () =>
    new AppError("VALIDATION", m.resetLinkInvalid, { fieldErrors: { token: [m.resetLinkInvalid] } });

  /** Tells every process to close these sessions' websockets (after the commit). */
  async function revoked(sessionIds: string[]) {
    if (sessionIds.length)
      await bus.publish(channels.sessions, { v: 1, type: "session.revoked", data: { sessionIds } });
  }

  async function startSession(userId: string, device: { userAgent: string; ip: string }) {
    const me = await loadMe(db, userId);
    if (!me) throw new AppError("NOT_FOUND", m.noSuchUser);
    const { token, session } = await sessions.create(userId, device);
    return { token, expiresAt: session.expiresAt, me };
  }

  return {
    me: (viewer) => loadMe(db, viewer.userId),

    async signUpStart(input, device) {
      await enforce(limiter, [[`signup:ip:${device.ip}`, limits.signUpPerIp]]);
      const at = now();
      const started = {
        email: input.email,
        codeExpiresAt: new Date(at.getTime() + CODE_TTL_MS),
        resendAfterSeconds: RESEND_AFTER_SECONDS,
      };
      const [owner, handleOwner, pending] = await Promise.all([
        db.user.findUnique({ where: { email: input.email }, select: { id: true } }),
        db.user.findUnique({ where: { handle: input.handle }, select: { id: true } }),
        db.pendingSignUp.findUnique({ where: { email: input.email } }),
      ]);
      if (pending && at.getTime() - pending.lastSentAt.getTime() < RESEND_AFTER_SECONDS * 1000) {
        const wait = Math.ceil(RESEND_AFTER_SECONDS - (at.getTime() - pending.lastSentAt.getTime()) / 1000);
        throw new AppError("RATE_LIMITED", m.codeJustSent, { retryAfterSeconds: wait });
      }
      if (owner) {
        // Same answer as for a new address, so sign-up cannot probe who has an account;
        // the owner learns by mail instead.
        await mailer.send(mailTemplates.alreadyRegistered(input.email, deps.publicOrigin()));
        return started;
      }
      if (handleOwner) {
        throw new AppError("CONFLICT", m.handleTaken, { fieldErrors: { handle: [m.handleTaken] } });
      }
      const id = pending?.id ?? randomUUID();
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      const data = {
        handle: input.handle,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        codeHash: hashCode(id, code),
        attempts: 0,
        expiresAt: started.codeExpiresAt,
        lastSentAt: at,
      };
      await db.pendingSignUp.upsert({
        where: { email: input.email },
        create: { id, email: input.email, ...data },
        update: data,
      });
      await mailer.send(mailTemplates.signUpCode(input.email, code));
      return started;
    },

    async signUpVerify(input, device) {
      const pending = await db.pendingSignUp.findUnique({ where: { email: input.email } });
      if (!pending || now() >= pending.expiresAt) {
        throw new AppError("VALIDATION", m.codeExpired, { fieldErrors: { code: [m.codeExpired] } });
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
          await tx.pendingSignUp.delete({ where: { id: pending.id } });
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
      // Counted before the password is checked: guessing costs attempts either way.
      await enforce(limiter, [
        [`signin:ip:${device.ip}`, limits.signInPerIp],
        [`signin:account:${input.email}`, limits.signInPerAccount],
      ]);
      const user = await db.user.findUnique({
        where: { email: input.email },
        select: { id: true, passwordHash: true },
      });
      const ok = user?.passwordHash
        ? await verifyPassword(user.passwordHash, input.password)
        : await verifyAgainstDummy(input.password);
      if (!user || !ok) throw new AppError("UNAUTHENTICATED", m.wrongCredentials);
      return startSession(user.id, device);
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
      ]);
      // The same answer whether or not the address has an account; only an owner gets mail.
      const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (!user) return;
      const secret = generateSecureRandomString();
      const reset = await db.passwordReset.create({
        data: {
          userId: user.id,
          secretHash: hashSecret(secret),
          expiresAt: new Date(now().getTime() + RESET_TTL_MS),
        },
        select: { id: true },
      });
      // In the fragment: browsers never send it to a server, so it stays out of access logs.
      const link = `${deps.publicOrigin()}/reset-password#token=${reset.id}.${secret}`;
      await mailer.send(mailTemplates.passwordReset(input.email, link, RESET_TTL_MS / 60_000));
    },

    async resetPassword(input, device) {
      await enforce(limiter, [[`reset-use:ip:${device.ip}`, limits.resetPerIp]]);
      const parsed = RESET_TOKEN.exec(input.token);
      if (!parsed) throw invalidResetLink();
      const [, id, secret] = parsed as unknown as [string, string, string];
      const reset = await db.passwordReset.findUnique({ where: { id } });
      if (
        !reset ||
        reset.usedAt ||
        now() >= reset.expiresAt ||
        !secretHashesMatch(hashSecret(secret), reset.secretHash)
      ) {
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
      } else if (now().getTime() - viewer.signedInAt.getTime() > FRESH_SIGN_IN_MS) {
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
