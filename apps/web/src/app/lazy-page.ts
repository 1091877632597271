import { lazy, type ComponentType } from "react";

/**
 * A page loaded on first use: its chunk is fetched when the route is first opened
 * (the shell's Suspense shows a placeholder meanwhile), keeping the entry small.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
