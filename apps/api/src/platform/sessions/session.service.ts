import { poolOf, type Db, type Prisma } from "@orgo/db";
import { generateSecureRandomString, hashSecret, parseSessionToken, secretHashesMatch } from "./session-token.js";

const DAY = 24 * 3600_000;
/** Sliding lifetime: renewed to 30 days once half of it is used. */
export const SESSION_TTL_MS = 30 * DAY;
/** Hard maximum, however active the session: then the user signs in again. */
export const SESSION_ABSOLUTE_MAX_MS = 90 * DAY;
/** lastSeenAt is written at most this often, so reading a session stays a read. */
export const LAST_SEEN_INTERVAL_MS = 3600_000;

export interface SessionInfo {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string;
  ip: string;
}

export interface ValidatedSession {
  session: SessionInfo;
  /** True when expiresAt moved: the cookie must be sent again with the new expiry. */
  renewed: boolean;
}

export type Clock = () => Date;

const sessionSelect = {
  id: true,
  userId: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  userAgent: true,
  ip: true,
} as const;

interface SessionRow extends SessionInfo {
  secretHash: Uint8Array;
  absoluteExpiresAt: Date;
}

/**
 * Every signed-in request reads its session: one prepared statement straight on the
 * pg pool (through Prisma the same read cost ≈ 0.8 ms of CPU, a third of a feed page's).
 */
const readSession = {
  name: "session:validate",
  text: `select id, "secretHash", "userId", "createdAt", "lastSeenAt", "expiresAt", "absoluteExpiresAt", "userAgent", ip
         from "Session" where id = $1`,
};

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Someone was active on this UTC day (the admin dashboard's "active people"): written
 * when a session starts and when it is touched, so at most hourly per session.
 */
async function markActive(client: Db | Prisma.TransactionClient, userId: string, at: Date) {
  await client.$executeRaw`
    insert into "ActiveDay" (day, "userId") values (${utcDay(at)}::date, ${userId}::uuid) on conflict do nothing`;
}

export function createSessionService({ db, now = () => new Date() }: { db: Db; now?: Clock }) {
  return {
    /** `client`: a transaction, so the session exists only if the rest of it commits. */
    async create(
      userId: string,
      device: { userAgent?: string; ip?: string } = {},
      client: Db | Prisma.TransactionClient = db,
    ) {
      const id = generateSecureRandomString();
      const secret = generateSecureRandomString();
      const at = now();
      const session = await client.session.create({
        data: {
          id,
          secretHash: hashSecret(secret),
          userId,
          createdAt: at,
          lastSeenAt: at,
          expiresAt: new Date(at.getTime() + SESSION_TTL_MS),
          absoluteExpiresAt: new Date(at.getTime() + SESSION_ABSOLUTE_MAX_MS),
          userAgent: (device.userAgent ?? "").slice(0, 300),
          ip: (device.ip ?? "").slice(0, 64),
        },
        select: sessionSelect,
      });
      await markActive(client, userId, at);
      return { token: `${id}.${secret}`, session };
    },

    /** The session a token names, or null (malformed, unknown, wrong secret, expired). */
    async validate(token: string): Promise<ValidatedSession | null> {
      const parsed = parseSessionToken(token);
      if (!parsed) return null;
      const {
        rows: [row],
      } = await poolOf(db).query<SessionRow>({ ...readSession, values: [parsed.id] });
      if (!row || !secretHashesMatch(hashSecret(parsed.secret), row.secretHash)) return null;
      const at = now();
      if (at >= row.expiresAt || at >= row.absoluteExpiresAt) {
        await db.session.deleteMany({ where: { id: row.id } });
        return null;
      }
      const { secretHash: _hash, absoluteExpiresAt, ...session } = row;
      const renew = row.expiresAt.getTime() - at.getTime() < SESSION_TTL_MS / 2;
      // Hourly, and on the first request of a UTC day (the day's active people count it).
      const touch =
        at.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_INTERVAL_MS || utcDay(at) !== utcDay(row.lastSeenAt);
      if (!renew && !touch) return { session, renewed: false };

      const expiresAt = renew
        ? new Date(Math.min(at.getTime() + SESSION_TTL_MS, absoluteExpiresAt.getTime()))
        : row.expiresAt;
      await db.session.updateMany({ where: { id: row.id }, data: { expiresAt, lastSeenAt: at } });
      await markActive(db, row.userId, at);
      return { session: { ...session, expiresAt, lastSeenAt: at }, renewed: renew };
    },

    async invalidate(sessionId: string): Promise<void> {
      await db.session.deleteMany({ where: { id: sessionId } });
    },

    /**
     * Ends every session of a user, except one (the device making a password
     * change). Pass a transaction client to make it part of a larger change.
     */
    async invalidateAllForUser(
      userId: string,
      exceptSessionId?: string,
      tx: Prisma.TransactionClient = db,
    ): Promise<string[]> {
      const ended = await tx.session.findMany({
        where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
        select: { id: true },
      });
      await tx.session.deleteMany({ where: { id: { in: ended.map((s) => s.id) } } });
      return ended.map((s) => s.id);
    },

    listForUser(userId: string): Promise<SessionInfo[]> {
      return db.session.findMany({
        where: { userId, expiresAt: { gt: now() } },
        orderBy: { lastSeenAt: "desc" },
        select: sessionSelect,
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
