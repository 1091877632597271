import { appRouter } from "@orgo/api-contract/server";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface MetricSources {
  /** Database pool: open connections, in use, requests waiting for one. */
  pool: () => { total: number; inUse: number; waiting: number };
  /** Open websockets and live subscribers in this process. */
  live: () => { sockets: number; subscribers: number; channels: number };
  /** Job queue (shared by every process: the same figures everywhere). */
  jobs: () => Promise<{ due: number; givenUp: number; failedRuns: number }>;
}

export interface Metrics {
  /** An HTTP request finished: each tRPC procedure it called (a batch calls several), or `http`. */
  request(procedures: string[], status: number, seconds: number): void;
  /** An event published by a process reached this one after `seconds`. */
  busDelivered(seconds: number): void;
  /** A database statement finished after `ms`. */
  dbStatement(ms: number): void;
  /** A statement waited `ms` for a pooled connection (a pool too small for the load shows here). */
  dbPoolWait(ms: number): void;
  contentType: string;
  render(): Promise<string>;
}

/**
 * The process's Prometheus metrics (prom-client), in a registry of its own. Labels
 * are bounded: a procedure label is one of the router's procedures, anything else a
 * client sends is counted as `unknown`, so no caller can grow the series without end.
 */
export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  // Process memory, CPU, handles, GC, and event-loop delay (nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const known = new Set(Object.keys(appRouter._def.procedures));

  const requests = new Counter({
    name: "orgo_requests_total",
    help: "HTTP requests, per tRPC procedure (or `http` for other routes) and status",
    labelNames: ["procedure", "status"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "orgo_request_duration_seconds",
    help: "HTTP request duration, per tRPC procedure (or `http`) and status",
    labelNames: ["procedure", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const busLag = new Histogram({
    name: "orgo_bus_delivery_lag_seconds",
    help: "From an event's publication (any process) to its arrival in this one, through Redis",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const statements = new Histogram({
    name: "orgo_db_statement_duration_seconds",
    help: "Database statements by duration (its _count is the statements run)",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const poolWaits = new Histogram({
    name: "orgo_db_pool_wait_seconds",
    help: "Time a statement waited for a pooled database connection",
    buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: "orgo_websockets_open",
    help: "Open websockets in this process",
    registers: [registry],
    collect() {
      this.set(sources.live().sockets);
    },
  });
  new Gauge({
    name: "orgo_live_subscriptions",
    help: "Live subscriptions (feeds served by the channel hub) in this process",
    registers: [registry],
    collect() {
      this.set(sources.live().subscribers);
    },
  });
  new Gauge({
    name: "orgo_live_channels",
    help: "Bus channels this process listens to",
    registers: [registry],
    collect() {
      this.set(sources.live().channels);
    },
  });
  new Gauge({
    name: "orgo_db_pool_connections",
    help: "Database pool connections by state: open, in_use, and requests waiting for one",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = sources.pool();
      this.set({ state: "open" }, pool.total);
      this.set({ state: "in_use" }, pool.inUse);
      this.set({ state: "waiting" }, pool.waiting);
    },
  });
  new Gauge({
    name: "orgo_jobs",
    help: "Job queue: jobs due and waiting for a worker, jobs given up after their last attempt",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const jobs = await sources.jobs().catch(() => null);
      if (!jobs) return;
      this.set({ state: "due" }, jobs.due);
      this.set({ state: "given_up" }, jobs.givenUp);
      failedRuns.set(jobs.failedRuns);
    },
  });
  // Set by orgo_jobs' collection (registered before it, so read after it): one queue read per scrape.
  const failedRuns = new Gauge({
    name: "orgo_job_failed_runs",
    help: "Job runs that failed in this process since it started (each is retried until given up)",
    registers: [registry],
  });

  return {
    request(procedures, status, seconds) {
      const code = String(status);
      for (const name of procedures) {
        const procedure = name === "http" || known.has(name) ? name : "unknown";
        requests.inc({ procedure, status: code });
        duration.observe({ procedure, status: code }, seconds);
      }
    },
    busDelivered(seconds) {
      busLag.observe(Math.max(0, seconds));
    },
    dbStatement(ms) {
      statements.observe(ms / 1000);
    },
    dbPoolWait(ms) {
      poolWaits.observe(ms / 1000);
    },
    contentType: registry.contentType,
    render: () => registry.metrics(),
  };
}
