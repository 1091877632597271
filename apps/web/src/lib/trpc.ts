import { createTRPCReact } from "@trpc/react-query";
import { TRPCClientError, createWSClient, httpBatchLink, splitLink, wsLink, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import superjson from "superjson";
import type { AppRouter } from "@orgo/api-contract";
import { reportRequest, setSocketOpen } from "./connection-state";

export const trpc = createTRPCReact<AppRouter>();

export function createTrpcClient(origin: string = window.location.origin) {
  const wsClient = createWSClient({
    url: `${origin.replace(/^http/, "ws")}/trpc`,
    // Back off up to 10 s; the server's reconnect notification triggers it early.
    retryDelayMs: (attempt) => Math.min(500 * 2 ** attempt, 10_000),
    onOpen: () => setSocketOpen(true),
    onClose: () => setSocketOpen(false),
    keepAlive: { enabled: true, intervalMs: 20_000, pongTimeoutMs: 5_000 },
  });
  const client = trpc.createClient({
    links: [
      splitLink({
        // Presence reports must travel on this tab's websocket: the server ties them to it.
        // Chat writes go there too: the socket is signed in once, so a message costs the
        // server no session lookup, and one sent while offline waits for the reconnect.
        condition: (op) =>
          op.type === "subscription" ||
          op.path === "presence.report" ||
          (op.type === "mutation" && op.path.startsWith("chat.")),
        true: wsLink({ client: wsClient, transformer: superjson }),
        // The server refuses batches of more than 20 calls; stay well under it.
        false: [
          reachLink,
          httpBatchLink({ url: `${origin}/trpc`, transformer: superjson, maxURLLength: 4000, maxItems: 10 }),
        ],
      }),
    ],
  });
  return { client, wsClient };
}

/** Statuses that come from a proxy in front of an API that is away, or from the API while its database is. */
const AWAY = new Set([502, 503, 504]);

/**
 * Tells the connection indicator whether HTTP calls reach the server: an answer of
 * its own (data or a refusal) does; no answer or a 502/503/504 does not. The socket
 * alone would say "Live" while every request fails.
 */
const reachLink: TRPCLink<AppRouter> =
  () =>
  ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next(value) {
          reportRequest(true);
          observer.next(value);
        },
        error(error) {
          if (op.signal?.aborted) return observer.error(error); // cancelled here, not failed there
          const status = error instanceof TRPCClientError ? statusOf(error) : undefined;
          reportRequest(status !== undefined && !AWAY.has(status));
          observer.error(error);
        },
        complete() {
          observer.complete();
        },
      }),
    );

function statusOf(error: TRPCClientError<AppRouter>): number | undefined {
  const meta = error.meta as { response?: { status?: unknown } } | undefined;
  const status = error.data?.httpStatus ?? meta?.response?.status;
  return typeof status === "number" ? status : undefined;
}
