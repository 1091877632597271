import { useEffect } from "react";
import type { QueryClient } from "@tanstack/react-query";
import { subscribeConnectionState } from "./connection-state";

/**
 * When the connection comes back after being lost, everything on screen is fetched
 * again (the browser's own "online" event does not fire when only our server was
 * away): a list that failed during the outage fills in by itself. When the first
 * connection of an app loaded while the server was away opens, what failed meanwhile
 * (who is signed in, first of all) is asked again.
 */
export function useRefetchOnReconnect(queryClient: QueryClient): void {
  useEffect(() => {
    let wasDown = false;
    return subscribeConnectionState((state) => {
      if (state === "reconnecting" || state === "offline") wasDown = true;
      if (state !== "online") return;
      if (wasDown) void queryClient.invalidateQueries();
      else void queryClient.invalidateQueries({ predicate: (query) => query.state.status === "error" });
      wasDown = false;
    });
  }, [queryClient]);
}
