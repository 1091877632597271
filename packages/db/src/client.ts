import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/prisma/client.js";

export interface CreateDbOptions {
  connectionString: string;
  /** Pool size per process; keep N processes × max below PostgreSQL's max_connections. */
  maxConnections?: number;
  /** Called for every SQL statement (tests count queries with it). */
  onQuery?: (sql: string) => void;
  /**
   * Statements slower than `thresholdMs` (waiting for a lock included) are reported,
   * from the caller's async context, so the report can name the request behind it.
   */
  slowQuery?: { thresholdMs: number; report: (sql: string, durationMs: number) => void };
  /**
   * Every statement's duration, and how long each asked for a pooled connection
   * before it had one (for metrics: a pool that is too small shows as waits, not as
   * slow statements).
   */
  observe?: { statement(durationMs: number): void; poolWait(durationMs: number): void };
}

type Observe = NonNullable<CreateDbOptions["observe"]>;

/**
 * Times each statement a pooled connection runs, in both of pg's forms: the promise
 * (transactions, on a connection of their own) and the callback that `pool.query`
 * passes (every other statement the adapter sends).
 */
function timeStatements(client: pg.PoolClient, slow: CreateDbOptions["slowQuery"], observe: Observe | undefined) {
  // pg has no hook around a statement: the connection's own `query` is wrapped once,
  // when the pool makes it.
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const timed = (...args: unknown[]) => {
    const started = performance.now();
    const done = () => {
      const ms = performance.now() - started;
      observe?.statement(ms);
      if (slow && ms >= slow.thresholdMs) {
        const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? "");
        slow.report(text, ms);
      }
    };
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (...results: unknown[]) => {
        done();
        return (last as (...results: unknown[]) => unknown)(...results);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) result.then(done, done);
    return result;
  };
  client.query = timed as typeof client.query;
}

/** Times every wait for a pooled connection (`pool.query` asks through `connect` too). */
function timePoolWaits(pool: pg.Pool, observe: Observe) {
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => unknown;
  const timed = (callback?: (...args: unknown[]) => void) => {
    const started = performance.now();
    const waited = () => observe.poolWait(performance.now() - started);
    if (callback) {
      return connect((...args: unknown[]) => {
        waited();
        callback(...args);
      });
    }
    const connected = connect() as Promise<pg.PoolClient>;
    connected.then(waited, waited);
    return connected;
  };
  pool.connect = timed as typeof pool.connect;
}

/** Distinct statements kept prepared per connection; past it, the rest are planned each time. */
const PREPARED_STATEMENTS_MAX = 500;

/**
 * Names each distinct SQL text, so every pooled connection parses and plans it once
 * and then only binds and executes it: for the statement that sends a chat message
 * that is 0.3 ms of PostgreSQL's CPU instead of 0.75 ms. Bounded, because a query
 * whose text varies (an `IN` list of any length) would otherwise prepare without end.
 */
function statementNames() {
  const names = new Map<string, string>();
  // "" leaves a statement unnamed (pg prepares only under a non-empty name).
  return (query: { sql: string }): string => {
    const known = names.get(query.sql);
    if (known !== undefined) return known;
    if (names.size >= PREPARED_STATEMENTS_MAX) return "";
    const name = `orgo_${createHash("sha1").update(query.sql).digest("base64url")}`;
    names.set(query.sql, name);
    return name;
  };
}

/** Each client's connection pool, for its figures (see poolStatsOf). */
const pools = new WeakMap<object, pg.Pool>();

/** Connections of a client's pool: open, in use, and requests waiting for one (for /metrics). */
export function poolStatsOf(db: object): { total: number; inUse: number; waiting: number } {
  const pool = pools.get(db);
  if (!pool) return { total: 0, inUse: 0, waiting: 0 };
  return { total: pool.totalCount, inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount };
}

/**
 * The pg pool under a client, for the few hot reads written as one SQL statement
 * (the feed): the same connections, prepared statements and slow-query timing.
 */
export function poolOf(db: object): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("poolOf: not a client made by createDb");
  return pool;
}

export function createDb(options: CreateDbOptions) {
  // Our own pool (the adapter ends it on $disconnect), so its figures can be read.
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // pg closes a connection idle for 10 s by default: under bursty load the pool then
    // keeps opening new ones, and each costs PostgreSQL a process start. A minute
    // keeps a busy pool warm and still lets a quiet one shrink.
    idleTimeoutMillis: 60_000,
    // A database that does not answer a connection attempt fails the request in
    // seconds (a 503 the client may retry) instead of holding it.
    connectionTimeoutMillis: 5_000,
  });
  // An idle connection the server ended (a restart, a network cut) leaves the pool,
  // which opens a new one when next asked; unheard, that error would end the process.
  // Readiness and the 503s of the requests that need the database report the outage.
  pool.on("error", () => undefined);
  const slowQuery = options.slowQuery && options.slowQuery.thresholdMs > 0 ? options.slowQuery : undefined;
  const observe = options.observe;
  if (slowQuery || observe) pool.on("connect", (client) => timeStatements(client, slowQuery, observe));
  if (observe) timePoolWaits(pool, observe);
  const adapter = new PrismaPg(pool, { statementNameGenerator: statementNames(), disposeExternalPool: true });
  // Query events only when someone listens (tests that count statements).
  const log: Prisma.LogDefinition[] = options.onQuery ? [{ emit: "event", level: "query" }] : [];
  const client = new PrismaClient({ adapter, log });
  const onQuery = options.onQuery;
  if (onQuery) client.$on("query", (event) => onQuery(event.query));
  pools.set(client, pool);
  return client;
}

export type Db = ReturnType<typeof createDb>;
