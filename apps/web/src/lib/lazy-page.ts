import { lazy, type ComponentType } from "react";

/**
 * A component loaded on first use: its chunk is fetched when it first renders (the
 * nearest Suspense shows a placeholder meanwhile), keeping the entry small.
 */
export function lazyPage<K extends string, P extends object = object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
