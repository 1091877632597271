/**
 * tRPC over plain HTTP, as any client on the wire would speak it (superjson's
 * `{ json }` envelope), to see statuses and headers the typed client hides.
 */
export function rawTrpc(baseUrl: string, defaults: { cookie?: string; origin?: string; timeoutMs?: number } = {}) {
  /** A deadline for each request, when asked for (it rejects with a TimeoutError past it). */
  const signal = () => (defaults.timeoutMs ? AbortSignal.timeout(defaults.timeoutMs) : undefined);
  const headersFor = (extra: Record<string, string> = {}) => ({
    "content-type": "application/json",
    origin: defaults.origin ?? baseUrl,
    ...(defaults.cookie ? { cookie: defaults.cookie } : {}),
    ...extra,
  });
  async function answer(response: Response) {
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, body, text };
  }
  return {
    query: async (path: string, input?: unknown, headers?: Record<string, string>) =>
      answer(
        await fetch(
          `${baseUrl}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`,
          { headers: headersFor(headers), signal: signal() },
        ),
      ),
    mutate: async (path: string, input?: unknown, headers?: Record<string, string>) =>
      answer(
        await fetch(`${baseUrl}/trpc/${path}`, {
          method: "POST",
          headers: headersFor(headers),
          body: JSON.stringify({ json: input ?? null }),
          signal: signal(),
        }),
      ),
    /** One HTTP batch of `calls` (all queries go by GET, all mutations by POST). */
    batch: async (kind: "query" | "mutation", calls: { path: string; input?: unknown }[]) => {
      const paths = calls.map((c) => c.path).join(",");
      const inputs = Object.fromEntries(calls.map((c, i) => [i, { json: c.input ?? null }]));
      const url = `${baseUrl}/trpc/${paths}?batch=1`;
      return answer(
        kind === "query"
          ? await fetch(`${url}&input=${encodeURIComponent(JSON.stringify(inputs))}`, { headers: headersFor() })
          : await fetch(url, { method: "POST", headers: headersFor(), body: JSON.stringify(inputs) }),
      );
    },
  };
}

/** The domain code of an error answer (`error.json.data.appCode`). */
export function appCodeOf(body: unknown): string | undefined {
  const error = (body as { error?: { json?: { data?: { appCode?: string } } } } | null)?.error;
  return error?.json?.data?.appCode;
}

/** The field errors of an error answer. */
export function fieldErrorsOf(body: unknown): Record<string, string[]> | null {
  const error = (body as { error?: { json?: { data?: { fieldErrors?: Record<string, string[]> } } } } | null)?.error;
  return error?.json?.data?.fieldErrors ?? null;
}
