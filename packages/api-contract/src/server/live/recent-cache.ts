/**
 * A memo of the last few objects seen, by identity. Live events fan out in one
 * synchronous loop over a channel's subscribers, so "the same object as a moment
 * ago" is all a per-event memo needs to catch: nothing else runs between two
 * subscribers of one event. A WeakMap did the same at a price: an ephemeron entry
 * per event for the garbage collector to trace, and tables that keep their size
 * after a burst (catch-ups at reconnection grew them by ≈ 200 bytes per socket in
 * bench:chat). A miss only costs the work being done again.
 */
export class RecentCache<K extends object, V> {
  private readonly keys: (K | undefined)[];
  private readonly values: (V | undefined)[];
  private next = 0;

  constructor(size = 4) {
    this.keys = Array.from({ length: size }, () => undefined);
    this.values = Array.from({ length: size }, () => undefined);
  }

  /** The value remembered for `key`, else `make(key)`, remembered. */
  get(key: K, make: (key: K) => V): V {
    const at = this.keys.indexOf(key);
    if (at !== -1) return this.values[at] as V;
    const value = make(key);
    this.keys[this.next] = key;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.keys.length;
    return value;
  }
}
