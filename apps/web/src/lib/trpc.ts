import { createTRPCReact } from "@trpc/react-query";
import { createWSClient, httpBatchLink, splitLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@orgo/api-contract";
import { setConnectionState } from "./connection-state";

export const trpc = createTRPCReact<AppRouter>();

export function createTrpcClient(origin: string = window.location.origin) {
  const wsClient = createWSClient({
    url: `${origin.replace(/^http/, "ws")}/trpc`,
    // Back off up to 10 s; the server's reconnect notification triggers it early.
    retryDelayMs: (attempt) => Math.min(500 * 2 ** attempt, 10_000),
    onOpen: () => setConnectionState("online"),
    onClose: () => setConnectionState("offline"),
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
        false: httpBatchLink({ url: `${origin}/trpc`, transformer: superjson, maxURLLength: 4000, maxItems: 10 }),
      }),
    ],
  });
  return { client, wsClient };
}
