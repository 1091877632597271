import path from "node:path";
import type { AddressInfo } from "node:net";
import {
  applyMigrations,
  createDb,
  ensureDatabase,
  seedDemoData,
  startEmbeddedPostgres,
  withDatabase,
  type Db,
  type EmbeddedDatabase,
} from "@orgo/db";
import type { Config } from "./config/config.js";
import type { Logger } from "./logger.js";
import type { EventBus } from "./events/event-bus.js";
import { createMemoryEventBus } from "./events/memory-event-bus.js";
import { createRedisEventBus, pingRedis } from "./events/redis-event-bus.js";
import { createServices } from "./services.js";
import { createSessionService } from "./auth/session.service.js";
import { createDevOutbox, type DevOutbox } from "./mail/mailer.js";
import { createMemoryRateLimiter } from "./rate-limit/memory-rate-limiter.js";
import { createRedisRateLimiter } from "./rate-limit/redis-rate-limiter.js";
import { createApiServer, type ApiServer } from "./server.js";

export interface RunningApp {
  address: AddressInfo;
  url: string;
  db: Db;
  bus: EventBus;
  server: ApiServer;
  /** Where mail goes until SMTP is configured (tests read codes from it). */
  outbox: DevOutbox;
  stop(): Promise<void>;
}

/**
 * Everything `npm start` does after the build: database (embedded when no URL),
 * migrations, seed, event bus, server. Tests start the same thing on port 0.
 */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, "postgres"),
      port: config.embeddedPgPort,
      onLog: (line) => logger.info(line),
    });
    databaseUrl = withDatabase(embedded.adminUrl, "orgo");
  }
  try {
    await ensureDatabase(databaseUrl);
    const applied = await applyMigrations(databaseUrl);
    if (applied.length) logger.info({ migrations: applied }, "applied migrations");
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  const db = createDb({ connectionString: databaseUrl, maxConnections: config.dbPoolSize });
  if (config.seedDemoData) {
    const seeded = await seedDemoData(db);
    if (seeded.posts) logger.info(seeded, "seeded demo data");
  }
  const redisUrl = config.redisUrl;
  const bus = redisUrl ? createRedisEventBus(redisUrl, logger) : createMemoryEventBus();
  const sessions = createSessionService({ db });
  const mailer = createDevOutbox(logger);
  const limiter = redisUrl ? createRedisRateLimiter(redisUrl) : createMemoryRateLimiter();
  const services = createServices({ db, bus, sessions, mailer, limiter });
  const server = createApiServer({
    config,
    services,
    sessions,
    bus,
    logger,
    readyChecks: redisUrl ? [() => pingRedis(redisUrl)] : [],
  });
  const address = await server.listen();
  const host = address.address === "::" || address.address === "0.0.0.0" ? "localhost" : address.address;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  logger.info(
    { url, events: redisUrl ? "redis" : "in-process", database: embedded ? "embedded" : "external" },
    "OrGo is ready",
  );

  return {
    address,
    url,
    db,
    bus,
    server,
    outbox: mailer,
    async stop() {
      await server.close();
      await Promise.all([bus.close(), limiter.close()]);
      await db.$disconnect();
      await embedded?.stop();
    },
  };
}
