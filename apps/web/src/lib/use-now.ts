import { useSyncExternalStore } from "react";

// One clock for every relative time on screen, moving in 30-second steps: a snapshot
// React may read twice in one render must not change between the reads.
const STEP = 30_000;
const current = () => Math.floor(Date.now() / STEP) * STEP;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const l of listeners) l();
  }, STEP);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time (to 30 s), re-rendering what shows it as it moves. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, current);
}
