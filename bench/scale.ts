/**
 * The moonshot: bench:chat at scale. 10,000 signed-in tabs on two API processes with
 * Redis (5,000 one-to-one pairs, 1,000 study rooms of 10), 5,000 deliveries a second
 * for 5 minutes; halfway the second process is killed and its tabs reconnect through
 * the first and resume. Prints p50/p99, lost / duplicated / out of order, heap per tab
 * and per process, the time until every moved tab is live again, and the ratios
 * against the raw relay holding the same tabs with the same load, in the same run.
 *
 *   npm run bench:scale   (any bench:chat variable overrides these defaults)
 */
const defaults: Record<string, string> = {
  BENCH_SOCKETS: "10000",
  BENCH_STUDY_SIZE: "10",
  BENCH_DELIVERIES: "5000",
  BENCH_SECONDS: "300",
  BENCH_KILL_AT: "150",
  BENCH_DATABASE_NAME: "orgo_bench_scale",
};
for (const [name, value] of Object.entries(defaults)) process.env[name] ??= value;
await import("./chat.js");

export {};
