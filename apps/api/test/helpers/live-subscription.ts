import WebSocket from "ws";

export interface LiveSubscription<E> {
  /** Every data frame, in arrival order, with its tracked id (null for a signal). */
  received: { id: string | null; event: E }[];
  events: () => E[];
  /** The last tracked id received, or `fallback` before any. */
  lastId: (fallback?: string | null) => string | null;
  started: () => boolean;
  stopped: () => boolean;
  /** The error frame's text, if the server refused or ended the subscription with one. */
  error: () => string | null;
  cut: () => void;
}

/**
 * One tRPC subscription over its own raw websocket, spoken as any tRPC client does
 * (JSON frames, superjson's `json` envelope), so tests see exactly what a browser would.
 * Sockets are added to `sockets` for the caller to close after each test.
 */
export function subscribeRaw<E>(
  baseUrl: string,
  cookie: string | null,
  path: string,
  input: unknown,
  sockets: WebSocket[],
  /** The page's origin, when the socket goes straight to a process behind a proxy. */
  origin = baseUrl,
): LiveSubscription<E> {
  const headers: Record<string, string> = { origin, ...(cookie ? { cookie } : {}) };
  const socket = new WebSocket(`${baseUrl.replace("http", "ws")}/trpc`, { headers });
  sockets.push(socket);
  const received: { id: string | null; event: E }[] = [];
  let started = false;
  let stopped = false;
  let errorText: string | null = null;
  socket.on("error", () => undefined);
  socket.on("open", () =>
    socket.send(
      JSON.stringify({
        id: 1,
        method: "subscription",
        // As tRPC's client sends it: superjson's envelope even when there is no input.
        params: { path, input: { json: input } },
      }),
    ),
  );
  socket.on("message", (data: Buffer) => {
    const text = data.toString("utf8");
    if (text === "PING" || text === "PONG") return;
    const frame = JSON.parse(text) as {
      error?: unknown;
      result?: { type: string; id?: string; data?: { json: unknown } };
    };
    if (frame.error) errorText = text;
    if (frame.result?.type === "started") started = true;
    if (frame.result?.type === "stopped") stopped = true;
    if (frame.result?.type === "data" && frame.result.data) {
      // A tracked event carries its id twice: beside the data, and wrapped around it.
      const id = frame.result.id ?? null;
      const json = frame.result.data.json;
      received.push({ id, event: (id === null ? json : (json as { data: unknown }).data) as E });
    }
  });
  return {
    received,
    events: () => received.map((r) => r.event),
    lastId: (fallback = null) => received.filter((r) => r.id !== null).at(-1)?.id ?? fallback,
    started: () => started,
    stopped: () => stopped || socket.readyState === WebSocket.CLOSED,
    error: () => errorText,
    cut: () => socket.terminate(),
  };
}
