// Preloaded into both servers of bench/live.ts (never into the product): on SIGUSR2
// it collects garbage and writes the heap in use (plus memory outside it, such as
// socket buffers) to a file, so the bench reads what the sockets really hold.
import { writeFileSync } from "node:fs";

process.on("SIGUSR2", () => {
  globalThis.gc?.();
  const { heapUsed, external } = process.memoryUsage();
  writeFileSync(process.env.HEAP_PROBE_FILE, String(heapUsed + external));
});
