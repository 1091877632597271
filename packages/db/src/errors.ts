import { Prisma } from "./generated/prisma/client.js";

/** A unique constraint refused the write (someone took the handle, the e-mail…). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  // P2010: a raw statement failed; PostgreSQL's own code says which way.
  return error.code === "P2002" || (error.code === "P2010" && JSON.stringify(error.meta ?? {}).includes("23505"));
}

/** A foreign key refused the row; `constraint` narrows it to one of them. */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2003") return false;
  return (
    constraint === undefined ||
    JSON.stringify(error.meta ?? {}).includes(constraint) ||
    error.message.includes(constraint)
  );
}

/** The database could not take the work in time (no pooled connection, or a transaction could not start). */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2028" || error.code === "P2024";
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}

/** Errors of a database (or connection to one) that cannot be reached right now. */
const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  // PostgreSQL: shutting down, starting up, too many connections, connection failures (class 08).
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
const unreachableMessages =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|DatabaseNotReachable|ConnectionClosed|the database system is (shutting down|starting up)/i;

/**
 * True when `error` (or anything in its cause chain) says the database is out of
 * reach rather than that the request was wrong: answered 503, not 500.
 */
export function isUnreachableDatabaseError(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === "object" && !seen.has(current);) {
    seen.add(current);
    const { code, kind, message, cause, originalCode } = current as Record<string, unknown>;
    for (const value of [code, kind, originalCode]) {
      if (typeof value === "string" && (unreachableCodes.has(value) || value.startsWith("08"))) return true;
    }
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
    if (typeof message === "string" && unreachableMessages.test(message)) return true;
    current = cause;
  }
  return false;
}
