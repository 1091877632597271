import { TRPCClientError } from "@trpc/client";
import type { AppErrorData } from "@orgo/api-contract/schemas";
import type { Translate } from "./i18n";

interface ErrorI18n {
  t: Translate;
  tServer: (text: string) => string;
}

function dataOf(error: unknown): Partial<AppErrorData> | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  // Every AppErrorData field is optional here, so any object qualifies.
  return data ? data : undefined;
}

/** A message for people, in their language: the server's for known errors, the request id for ours. */
export function describeError(error: unknown, { t, tServer }: ErrorI18n): string {
  if (error instanceof TRPCClientError) {
    const data = dataOf(error);
    if (!data) return t("error.network");
    if (data.appCode === "INTERNAL")
      return t("error.withRequestId", { message: t("error.generic"), id: data.requestId ?? "?" });
    if (data.appCode === "UNAVAILABLE") return t("error.unavailable", { id: data.requestId ?? "?" });
    if (data.appCode === "RATE_LIMITED" && data.retryAfterSeconds)
      return t("error.rateLimited", { seconds: data.retryAfterSeconds });
    return tServer(error.message);
  }
  if (error instanceof Error && error.message) return tServer(error.message);
  return t("error.generic");
}

/** Field errors by field name, translated. */
export function fieldErrorsOf(error: unknown, { tServer }: Pick<ErrorI18n, "tServer">): Record<string, string[]> {
  const fieldErrors = dataOf(error)?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map(tServer)]));
}

/**
 * The write never got an answer from us: no connection, or the server away (a
 * proxy's error page, or our own 503 while the database is down). Such a write may
 * be tried again later; anything else is the server's considered refusal.
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data = dataOf(error);
  return !data || data.appCode === "UNAVAILABLE";
}
