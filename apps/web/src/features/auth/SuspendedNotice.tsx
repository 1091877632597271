import { TRPCClientError } from "@trpc/client";
import { useSearchParams } from "react-router";
import type { AppErrorData, TSuspensionNotice } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";

/** The suspension a refused sign-in carries (until when, and why), if it was one. */
export function suspensionOf(error: unknown): TSuspensionNotice | null {
  if (!(error instanceof TRPCClientError)) return null;
  return (error.data as Partial<AppErrorData> | undefined)?.suspension ?? null;
}

/**
 * "This account is suspended until …. Reason: …" on the sign-in page: from a refused
 * password sign-in, or from GitHub/Google's way back (?oauth=suspended&until&reason).
 */
export function SuspendedNotice({ error }: { error: unknown }) {
  const { t, formatDate } = useI18n();
  const [params] = useSearchParams();
  const fromProvider: TSuspensionNotice | null =
    params.get("oauth") === "suspended" ? { until: params.get("until"), reason: params.get("reason") ?? "" } : null;
  const suspension = suspensionOf(error) ?? fromProvider;
  if (!suspension) return null;
  const until = suspension.until ? new Date(suspension.until) : null;
  return (
    <p className="form__error" role="alert" data-testid="suspended">
      {until && !Number.isNaN(until.getTime())
        ? t("auth.suspendedUntil", { date: formatDate(until), reason: suspension.reason })
        : t("auth.suspendedIndefinitely", { reason: suspension.reason })}
    </p>
  );
}
