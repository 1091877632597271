import { TRPCClientError } from "@trpc/client";
import type { AppErrorData } from "@orgo/api-contract/schemas";
import type { Translate } from "../i18n/i18n";

/** A message for people: the server's for known errors, the request id for ours. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<never>).data as Partial<AppErrorData> | undefined;
    if (!data) return t("error.network");
    if (data.appCode === "INTERNAL")
      return t("error.withRequestId", { message: t("error.generic"), id: data.requestId ?? "?" });
    return error.message;
  }
  return t("error.generic");
}

export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<never>).data as Partial<AppErrorData> | undefined;
    return data?.fieldErrors ?? {};
  }
  return {};
}
