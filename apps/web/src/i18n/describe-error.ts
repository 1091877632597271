import { TRPCClientError } from "@trpc/client";
import type { AppErrorData, ServerMessageKey } from "@orgo/api-contract/schemas";
import type { Translate } from "./i18n";

interface ErrorI18n {
  t: Translate;
  tServer: (key: ServerMessageKey | null | undefined, text: string) => string;
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
    return tServer(data.messageKey, error.message);
  }
  // An upload's refusal (lib/upload.ts) carries the key the same way.
  if (error instanceof Error && error.message) return tServer(keyOf(error), error.message);
  return t("error.generic");
}

/** The server message's key an error carries (a tRPC error's data, an upload's refusal), if any. */
export function messageKeyOf(error: unknown): ServerMessageKey | null {
  return dataOf(error)?.messageKey ?? (error instanceof Error ? keyOf(error) : null);
}

const keyOf = (error: Error) => (error as Error & { messageKey?: ServerMessageKey | null }).messageKey ?? null;

/** Field errors by field name, translated by their keys. */
export function fieldErrorsOf(error: unknown, { tServer }: Pick<ErrorI18n, "tServer">): Record<string, string[]> {
  const data = dataOf(error);
  const fieldErrors = data?.fieldErrors ?? {};
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [
      field,
      messages.map((message, index) => tServer(data?.fieldErrorKeys?.[field]?.[index], message)),
    ]),
  );
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
