// Preloaded into the servers of the live benchmarks (never into the product): on
// SIGUSR2 it collects garbage and writes the heap in use (plus memory outside it,
// such as socket buffers) to a file, so the bench reads what the sockets really
// hold. With HEAP_SNAPSHOT_DIR set it also writes a heap snapshot each time, to
// see where the bytes are (Chrome DevTools → Memory → Load, "Comparison" view).
//
// On exit it prints what stalled the process since the last probe (the benchmarks
// probe right before the load starts): event-loop delay and garbage-collection
// pauses — the tail of a latency figure is usually one of the two.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";

const name = path.basename(process.env.HEAP_PROBE_FILE);
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const gc = { count: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
  }
}).observe({ entryTypes: ["gc"] });

let taken = 0;
process.on("SIGUSR2", () => {
  // Twice: a full collection can leave what finalisers and weak callbacks of the first
  // one released (one collection left readings ±1 KiB per socket apart between runs).
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, external } = process.memoryUsage();
  const snapshots = process.env.HEAP_SNAPSHOT_DIR;
  if (snapshots) v8.writeHeapSnapshot(path.join(snapshots, `${name}-${taken++}.heapsnapshot`));
  writeFileSync(process.env.HEAP_PROBE_FILE, String(heapUsed + external));
  loop.reset();
  Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0 });
});

process.on("exit", () => {
  const ms = (ns) => (ns / 1e6).toFixed(0);
  console.error(
    `[${name}] since the last probe: event-loop delay p50 ${ms(loop.percentile(50))} ms, ` +
      `p99 ${ms(loop.percentile(99))} ms, max ${ms(loop.max)} ms; ` +
      `GC ${gc.count} pauses, ${gc.totalMs.toFixed(0)} ms in all, longest ${gc.maxMs.toFixed(0)} ms`,
  );
});
