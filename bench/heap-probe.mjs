// Preloaded into the servers of the live benchmarks (never into the product): on
// SIGUSR2 it collects garbage and writes the heap in use (plus memory outside it,
// such as socket buffers) to a file, so the bench reads what the sockets really
// hold. With HEAP_SNAPSHOT_DIR set it also writes a heap snapshot each time, to
// see where the bytes are (Chrome DevTools → Memory → Load, "Comparison" view).
import { writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";

let taken = 0;
process.on("SIGUSR2", () => {
  globalThis.gc?.();
  const { heapUsed, external } = process.memoryUsage();
  const snapshots = process.env.HEAP_SNAPSHOT_DIR;
  if (snapshots) {
    v8.writeHeapSnapshot(path.join(snapshots, `${path.basename(process.env.HEAP_PROBE_FILE)}-${taken++}.heapsnapshot`));
  }
  writeFileSync(process.env.HEAP_PROBE_FILE, String(heapUsed + external));
});
