import { vi } from "vitest";

/**
 * Resolves when `predicate` holds (vitest's own polling, `vi.waitFor`); fails with
 * what was awaited after `timeoutMs`.
 */
export function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  return vi.waitFor(
    () => {
      if (!predicate()) throw new Error(`Timed out waiting for ${what}`);
    },
    { timeout: timeoutMs, interval: 20 },
  );
}
