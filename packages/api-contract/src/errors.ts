import type { ServerMessageKey } from "./messages.js";
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
      /** A refused sign-in of a suspended account: until when (null: until lifted) and why. */
      suspension?: TSuspensionNotice;
    },
  ) {
    super(message);
  }
}

export interface TSuspensionNotice {
  /** ISO 8601; null: until a moderator lifts it. */
  until: string | null;
  reason: string;
}

/** The extra fields every error response carries in `error.data`. */
export interface AppErrorData {
  appCode: AppErrorCode;
  requestId: string | null;
  /**
   * The message's key in the server's table (`serverMessages`), for a client to say it
   * in its reader's language; null when the message is not one of them.
   */
  messageKey: ServerMessageKey | null;
  /** English, for API clients that show them as they are. */
  fieldErrors: Record<string, string[]> | null;
  /** The same field errors by key (null where one is not in the table), to translate. */
  fieldErrorKeys: Record<string, (ServerMessageKey | null)[]> | null;
  retryAfterSeconds: number | null;
  suspension: TSuspensionNotice | null;
}
