import { createHash, randomInt, randomUUID } from "node:crypto";
import { AppError, channels, type AuthService, type TMe } from "@orgo/api-contract";
import type { EventBus } from "../events/event-bus.js";
import { Prisma, type Db } from "@orgo/db";
import type { Mailer } from "../mail/mailer.js";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.js";
import type { SessionService } from "./session.service.js";
import { secretHashesMatch } from "./session-token.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import { enforce, limits } from "../rate-limit/limits.js";

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const RESEND_AFTER_SECONDS = 60;

const meSelect = { id: true, handle: true, displayName: true, avatarUrl: true, bio: true, email: true } as const;
const WRONG_CREDENTIALS = "Wrong e-mail or password";

/** Salted with the row id, so equal codes of two sign-ups never share a hash. */
function hashCode(pendingId: string, code: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(`${pendingId}:${code}`).digest());
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function createAuthService(deps: {
  db: Db;
  sessions: SessionService;
  mailer: Mailer;
  limiter: RateLimiter;
  bus: EventBus;
  now?: () => Date;
}): AuthService {
  const { db, sessions, mailer, limiter, bus } = deps;
  const now = deps.now ?? (() => new Date());

  /** Tells every process to close these sessions' websockets (after the commit). */
  async function revoked(sessionIds: string[]) {
    if (sessionIds.length)
      await bus.publish(channels.sessions, { v: 1, type: "session.revoked", data: { sessionIds } });
  }

  async function startSession(userId: string, device: { userAgent: string; ip: string }) {
    const me: TMe = await db.user.findUniqueOrThrow({ where: { id: userId }, select: meSelect });
    const { token, session } = await sessions.create(userId, device);
    return { token, expiresAt: session.expiresAt, me };
  }

  return {
    me: (viewer) => db.user.findUnique({ where: { id: viewer.userId }, select: meSelect }),

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
        throw new AppError("RATE_LIMITED", "A code was sent a moment ago", { retryAfterSeconds: wait });
      }
      if (owner) {
        // Same answer as for a new address, so sign-up cannot probe who has an account;
        // the owner learns by mail instead.
        await mailer.send({
          to: input.email,
          subject: "OrGo: you already have an account",
          text: "Someone (maybe you) tried to sign up with this address. Sign in instead, or reset your password.",
        });
        return started;
      }
      if (handleOwner) {
        throw new AppError("CONFLICT", "This handle is taken", { fieldErrors: { handle: ["This handle is taken"] } });
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
      await mailer.send({
        to: input.email,
        subject: `OrGo: your code is ${code}`,
        text: `Your OrGo sign-up code is ${code}. It expires in 10 minutes.`,
      });
      return started;
    },

    async signUpVerify(input, device) {
      const pending = await db.pendingSignUp.findUnique({ where: { email: input.email } });
      if (!pending || now() >= pending.expiresAt) {
        throw new AppError("VALIDATION", "This code has expired. Ask for a new one.", {
          fieldErrors: { code: ["This code has expired. Ask for a new one."] },
        });
      }
      if (pending.attempts >= CODE_MAX_ATTEMPTS) {
        throw new AppError("RATE_LIMITED", "Too many wrong codes. Ask for a new one.");
      }
      if (!secretHashesMatch(hashCode(pending.id, input.code), pending.codeHash)) {
        // Counted with a guarded update, so parallel guesses cannot exceed the limit.
        const counted = await db.pendingSignUp.updateMany({
          where: { id: pending.id, attempts: { lt: CODE_MAX_ATTEMPTS } },
          data: { attempts: { increment: 1 } },
        });
        if (counted.count === 0) throw new AppError("RATE_LIMITED", "Too many wrong codes. Ask for a new one.");
        throw new AppError("VALIDATION", "Wrong code", { fieldErrors: { code: ["Wrong code"] } });
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
          throw new AppError("CONFLICT", "This handle or e-mail was taken meanwhile", {
            fieldErrors: { handle: ["This handle is taken"] },
          });
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
      if (!user || !ok) throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
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
      if (ended.count === 0) throw new AppError("NOT_FOUND", "No such session");
      await revoked([sessionId]);
    },

    async changePassword(viewer, input) {
      const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { passwordHash: true } });
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new AppError("VALIDATION", "The current password is wrong", {
          fieldErrors: { currentPassword: ["The current password is wrong"] },
        });
      }
      const passwordHash = await hashPassword(input.newPassword);
      const ended = await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: viewer.userId }, data: { passwordHash } });
        return sessions.invalidateAllForUser(viewer.userId, viewer.sessionId, tx);
      });
      await revoked(ended);
    },
  };
}
