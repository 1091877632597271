/**
 * Domain error codes shared by server and clients. Services throw `AppError` with
 * one of these; the router maps it to a tRPC code, and the client picks the
 * translated message by code.
 */
export const appErrorCodes = {
  VALIDATION: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  /** A part the answer needs (the database) is unreachable for now: 503, try again soon. */
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;
export type TrpcErrorCode = (typeof appErrorCodes)[AppErrorCode];

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: {
      retryAfterSeconds?: number;
      fieldErrors?: Record<string, string[]>;
      /** Set where the request's context could not be made (it carries the id otherwise). */
      requestId?: string;
    },
  ) {
    super(message);
  }
}

/** The extra fields every error response carries in `error.data`. */
export interface AppErrorData {
  appCode: AppErrorCode;
  requestId: string | null;
  fieldErrors: Record<string, string[]> | null;
  retryAfterSeconds: number | null;
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
