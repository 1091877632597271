import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { AppError, appErrorCodes, type AppErrorCode, type AppErrorData } from "../errors.js";
import type { TContext } from "./context.js";
import { serverMessageKey, serverMessages } from "../messages.js";
import { rawInputProblem } from "../common/common.schemas.js";
import { serializeOutput } from "./live/shared-frames.js";
import { LiveFeed } from "./live/live-feed.js";

function appCodeOf(error: TRPCError, httpStatus: number): AppErrorCode {
  if (error.cause instanceof AppError) return error.cause.code;
  const entry = Object.entries(appErrorCodes).find(([, trpc]) => trpc === error.code);
  if (entry) return entry[0] as AppErrorCode;
  // PARSE_ERROR, PAYLOAD_TOO_LARGE, METHOD_NOT_SUPPORTED…: the client's fault, not ours.
  return httpStatus < 500 ? "VALIDATION" : "INTERNAL";
}

/** Field errors as keys of the server's table: each was written from it (a schema's or a service's message). */
const keysOf = (fieldErrors: Record<string, string[]>) =>
  Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [
      field,
      messages.map((message) => serverMessageKey(message) ?? null),
    ]),
  );

const t = initTRPC.context<TContext>().create({
  // superjson both ways; answers are serialised through a memo, so a live event shared
  // by many subscribers is serialised once (the wire format is superjson's).
  transformer: { input: superjson, output: { serialize: serializeOutput, deserialize: superjson.deserialize } },
  // Stacks are for our logs, never for the wire.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const appCode = appCodeOf(error, shape.data.httpStatus);
    const cause = error.cause;
    const fieldErrors =
      cause instanceof z.ZodError
        ? z.flattenError(cause).fieldErrors
        : cause instanceof AppError
          ? (cause.details?.fieldErrors ?? null)
          : null;
    const data: AppErrorData = {
      appCode,
      requestId: ctx?.requestId ?? (cause instanceof AppError ? cause.details?.requestId : undefined) ?? null,
      messageKey: cause instanceof AppError ? (serverMessageKey(cause.message) ?? null) : null,
      fieldErrors,
      fieldErrorKeys: fieldErrors && keysOf(fieldErrors),
      retryAfterSeconds: cause instanceof AppError ? (cause.details?.retryAfterSeconds ?? null) : null,
      suspension: cause instanceof AppError ? (cause.details?.suspension ?? null) : null,
    };
    const message =
      appCode === "INTERNAL"
        ? `Something went wrong. Request id: ${ctx?.requestId ?? "unknown"}`
        : cause instanceof z.ZodError
          ? "Invalid input"
          : shape.message;
    const { stack: _stack, ...base } = shape.data;
    return { ...shape, message, data: { ...base, ...data } };
  },
});

const toTrpcError = (cause: AppError) =>
  new TRPCError({ code: appErrorCodes[cause.code], message: cause.message, cause });

/** The database is out of reach: try again shortly. */
export const unavailable = (requestId?: string) =>
  new AppError("UNAVAILABLE", serverMessages.unavailable, { retryAfterSeconds: 5, requestId });

/**
 * A thrown AppError as its tRPC error; an error the server says means a part it
 * depends on is out of reach (its database) as a 503, never a 500.
 */
const appErrorToTrpc = (error: unknown, ctx: TContext) =>
  error instanceof AppError ? toTrpcError(error) : ctx.isUnavailable?.(error) ? toTrpcError(unavailable()) : error;

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === "object" && value !== null && Symbol.asyncIterator in value;

/** A subscription's refusal comes while it streams (its generator throws): mapped the same way. */
async function* mappingAppErrors<T>(iterable: AsyncIterable<T>, ctx: TContext): AsyncGenerator<T> {
  try {
    yield* iterable;
  } catch (error) {
    throw appErrorToTrpc(error, ctx);
  }
}

/** Turns a thrown AppError into the matching tRPC error, keeping it as the cause. */
const mapAppErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) result.error = toTrpcError(result.error.cause);
  else if (!result.ok && ctx.isUnavailable?.(result.error.cause)) result.error = toTrpcError(unavailable());
  if (result.ok && result.data instanceof LiveFeed) {
    return { ...result, data: result.data.mapErrors((error) => appErrorToTrpc(error, ctx)) };
  }
  if (result.ok && isAsyncIterable(result.data)) return { ...result, data: mappingAppErrors(result.data, ctx) };
  return result;
});

const reportCalls = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  ctx.reportCall?.({
    requestId: ctx.requestId,
    path,
    type,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    ok: result.ok,
    code: result.ok ? undefined : result.error.code,
  });
  return result;
});

/**
 * Once for every procedure, before its own schema: text PostgreSQL cannot store
 * (NUL) or that is not text (lone surrogates), and absurd nesting, are the client's
 * fault and answer 400, never a database error.
 */
const rejectUnstorableInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = rawInputProblem(await getRawInput());
  if (problem) throw new AppError("VALIDATION", problem);
  return next();
});

/** Lets a generator's consumer's end (stop, close, error) release what it held. */
async function* releasing<T>(iterable: AsyncIterable<T>, release: () => void): AsyncGenerator<T> {
  try {
    yield* iterable;
  } finally {
    release();
  }
}

/**
 * A websocket carries many calls and subscriptions on one connection; each holds a
 * slot of the connection's budget until it ends, so one socket cannot run
 * thousands at once (HTTP batches are capped by the server instead).
 */
const holdConnectionBudget = t.middleware(async ({ ctx, type, next }) => {
  if (!ctx.budget) return next();
  const kind = type === "subscription" ? "subscription" : "call";
  const release = ctx.budget.take(kind);
  if (!release) {
    throw new AppError(
      "RATE_LIMITED",
      kind === "call" ? serverMessages.tooManyCalls : serverMessages.tooManySubscriptions,
      {
        retryAfterSeconds: 1,
      },
    );
  }
  if (kind === "call") {
    try {
      return await next();
    } finally {
      release();
    }
  }
  const result = await next();
  if (!result.ok || !isAsyncIterable(result.data)) {
    release();
    return result;
  }
  if (result.data instanceof LiveFeed) return { ...result, data: result.data.onEnd(release) };
  return { ...result, data: releasing(result.data, release) };
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure
  .use(reportCalls)
  .use(mapAppErrors)
  .use(holdConnectionBudget)
  .use(rejectUnstorableInput);
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new AppError("UNAUTHENTICATED", serverMessages.signInFirst);
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

const rank = { member: 0, moderator: 1, admin: 2 } as const;

/**
 * Signed in, with at least this role. The role is read per call (not kept on the
 * socket): an admin's change applies to the very next call, on every process.
 */
const staffProcedure = (least: "moderator" | "admin") =>
  authedProcedure.use(async ({ ctx, next }) => {
    const role = await ctx.services.moderation.roleOf(ctx.viewer);
    if (rank[role] < rank[least]) {
      throw new AppError("FORBIDDEN", least === "admin" ? serverMessages.adminsOnly : serverMessages.moderatorsOnly);
    }
    return next({ ctx: { ...ctx, role } });
  });
export const moderatorProcedure = staffProcedure("moderator");
export const adminProcedure = staffProcedure("admin");
