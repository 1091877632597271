import { useEffect, useSyncExternalStore } from "react";

/**
 * What this tab's follows and unfollows were confirmed as, by person, over the
 * `followedByMe` the page was handed at the time. A page whose data predates the
 * follow (the welcome page's suggestions are loaded once) keeps showing what the
 * server confirmed; once a page's data says otherwise than it did then, that data is
 * newer (a refetch, another tab's unfollow arriving live) and the entry is dropped.
 */
interface Confirmed {
  following: boolean;
  over: boolean;
}
const confirmed = new Map<string, Confirmed>();
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};

export function confirmFollow(userId: string, following: boolean, over: boolean): void {
  confirmed.set(userId, { following, over });
  changed();
}

/** Whether I follow `userId`, as far as this tab knows: `fromPage` unless a confirmed follow is newer. */
export function useFollowing(userId: string, fromPage: boolean): boolean {
  const entry = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => confirmed.get(userId),
  );
  const stale = entry !== undefined && entry.over !== fromPage;
  useEffect(() => {
    if (stale && confirmed.get(userId) === entry) {
      confirmed.delete(userId);
      changed();
    }
  }, [stale, userId, entry]);
  return entry && !stale ? entry.following : fromPage;
}
