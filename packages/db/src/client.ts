import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.js";

export interface CreateDbOptions {
  connectionString: string;
  /** Pool size per process; keep N processes × max below PostgreSQL's max_connections. */
  maxConnections?: number;
  /** Called for every SQL statement (tests count queries with it). */
  onQuery?: (sql: string) => void;
}

export function createDb(options: CreateDbOptions) {
  const adapter = new PrismaPg({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  const client = new PrismaClient({
    adapter,
    log: options.onQuery ? [{ emit: "event", level: "query" }] : [],
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (client as unknown as { $on: (e: "query", cb: (ev: { query: string }) => void) => void }).$on("query", (e) =>
      onQuery(e.query),
    );
  }
  return client;
}

export type Db = ReturnType<typeof createDb>;
