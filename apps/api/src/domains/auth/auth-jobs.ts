import { createHash, randomInt } from "node:crypto";
import type { Db } from "@orgo/db";
import type { JobHandlers } from "../../platform/jobs/job-queue.js";
import type { Mailer } from "../../platform/mail/mailer.js";
import { mailTemplates } from "./auth-mail.js";
import { newBoundSecret } from "./bound-token.js";

export const CODE_TTL_MS = 10 * 60_000;
export const RESET_TTL_MS = 30 * 60_000;

/** Salted with the row id, so equal codes of two sign-ups never share a hash. */
export function hashCode(pendingId: string, code: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(`${pendingId}:${code}`).digest());
}

/**
 * The mail of sign-up and password reset, sent off the request path, and the
 * hourly sweep of what expired. Whether the
 * address has an account is decided here, so the request does the same work and
 * gives the same answer either way. Codes and links are made here too: they are
 * never in a request's answer, and never in the job's stored payload.
 */
export function createAuthJobs(deps: {
  db: Db;
  mailer: Mailer;
  publicOrigin: () => string;
  now?: () => Date;
}): Pick<JobHandlers, "mail:signUp" | "mail:passwordReset" | "sweep:authLeftovers"> {
  const { db, mailer } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async "mail:signUp"({ pendingId }) {
      const pending = await db.pendingSignUp.findUnique({ where: { id: pendingId } });
      if (!pending || now() >= pending.expiresAt) return;
      const owner = await db.user.findUnique({ where: { email: pending.email }, select: { id: true } });
      if (owner) {
        // The owner learns that someone tried; the pending row can never become an account.
        await db.pendingSignUp.delete({ where: { id: pending.id } });
        await mailer.send(mailTemplates.alreadyRegistered(pending.email, deps.publicOrigin()));
        return;
      }
      // A retry after a failed send makes a new code: the old one never arrived.
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      await db.pendingSignUp.update({
        where: { id: pending.id },
        data: { codeHash: hashCode(pending.id, code), attempts: 0 },
      });
      await mailer.send(mailTemplates.signUpCode(pending.email, code));
    },

    /** Sign-ups and reset links nobody can use any more: a day after they expired. */
    async "sweep:authLeftovers"() {
      const dayAgo = new Date(now().getTime() - 24 * 3600_000);
      await db.pendingSignUp.deleteMany({ where: { expiresAt: { lt: dayAgo } } });
      await db.passwordReset.deleteMany({ where: { expiresAt: { lt: dayAgo } } });
    },

    async "mail:passwordReset"({ email }) {
      const user = await db.user.findUnique({ where: { email }, select: { id: true } });
      if (!user) return;
      const { secret, secretHash } = newBoundSecret();
      const reset = await db.passwordReset.create({
        data: { userId: user.id, secretHash, expiresAt: new Date(now().getTime() + RESET_TTL_MS) },
        select: { id: true },
      });
      // In the fragment: browsers never send it to a server, so it stays out of access logs.
      const link = `${deps.publicOrigin()}/reset-password#token=${reset.id}.${secret}`;
      await mailer.send(mailTemplates.passwordReset(email, link, RESET_TTL_MS / 60_000));
    },
  };
}
