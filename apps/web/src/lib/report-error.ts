import type { TClientErrorReceipt, TClientErrorReport } from "@orgo/api-contract/schemas";

/** The same few errors of an error loop are reported once each. */
const reported = new Set<string>();

/**
 * Sends an error to the server's log (system.reportClientError) with this build's
 * release and the route, by plain fetch so it works even when the app's own client
 * is what broke. Answers the reference the person can quote, or null.
 */
export async function reportError(kind: TClientErrorReport["kind"], error: unknown): Promise<string | null> {
  const err = error instanceof Error ? error : new Error(typeof error === "string" ? error : "Unknown error");
  const key = `${kind}:${err.message}`;
  if (reported.has(key) || reported.size > 20) return null;
  reported.add(key);
  const report: TClientErrorReport = {
    kind,
    message: err.message.slice(0, 1_000),
    stack: err.stack?.slice(0, 8_000) ?? null,
    route: window.location.pathname.slice(0, 300),
    release: __ORGO_RELEASE__.slice(0, 64),
  };
  try {
    const response = await fetch("/trpc/system.reportClientError", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: report }),
    });
    if (!response.ok) return response.headers.get("x-request-id");
    const body = (await response.json()) as { result: { data: { json: TClientErrorReceipt } } };
    return body.result.data.json.reference;
  } catch {
    return null;
  }
}

/** Uncaught errors and unhandled rejections anywhere in the page go to the log too. */
export function reportUncaughtErrors() {
  window.addEventListener("error", (event) => void reportError("uncaught", event.error ?? event.message));
  window.addEventListener("unhandledrejection", (event) => void reportError("rejection", event.reason));
}
