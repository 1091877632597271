import WebSocket from "ws";
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@orgo/api-contract";

/** A typed client like the SPA's, with the Origin header a browser would send. */
export function createTestClient(baseUrl: string, origin = baseUrl, cookie?: string) {
  const headers: Record<string, string> = cookie ? { origin, cookie } : { origin };
  // Node 20 has no global WebSocket; ws lets us set the Origin header.
  class OriginWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const wsClient = createWSClient({
    url: `${baseUrl.replace(/^http/, "ws")}/trpc`,
    WebSocket: OriginWebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs: () => 100,
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: wsLink({ client: wsClient, transformer: superjson }),
        false: httpBatchLink({ url: `${baseUrl}/trpc`, transformer: superjson, headers }),
      }),
    ],
  });
  // Everything over the websocket, to see what the upgrade request's cookie gives.
  const wsOnly = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient, transformer: superjson })] });
  return { client, wsClient, wsOnly };
}
