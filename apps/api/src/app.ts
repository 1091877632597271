import path from "node:path";
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import {
  applyMigrations,
  createDb,
  poolStatsOf,
  ensureDatabase,
  seedDemoData,
  startEmbeddedPostgres,
  withDatabase,
  type Db,
  type EmbeddedDatabase,
  DEMO_PASSWORD,
} from "@orgo/db";
import { insecureOriginWarnings, type Config } from "./platform/config/config.js";
import type { Logger } from "./platform/logger.js";
import type { EventBus } from "./platform/events/event-bus.js";
import { createMemoryEventBus } from "./platform/events/memory-event-bus.js";
import { createRedisEventBus, pingRedis } from "./platform/events/redis-event-bus.js";
import { createServices } from "./services.js";
import { createSafeFetch, type SafeFetchOptions } from "./platform/link-fetch/safe-fetch.js";
import { startJobQueue } from "./platform/jobs/job-queue.js";
import { createAuthJobs } from "./domains/auth/auth-jobs.js";
import { createMentoringJobs } from "./domains/mentoring/mentoring-jobs.js";
import { createModerationJobs } from "./domains/moderation/moderation-jobs.js";
import { createPushJobs, PUSH_SWEEP_SECONDS, sweepAgain } from "./domains/push/push-jobs.js";
import { createAwayMailJobs } from "./domains/away-mail/away-mail-jobs.js";
import { createUnsubscribeRoute } from "./domains/away-mail/unsubscribe-route.js";
import { createPushSender, DEFAULT_PUSH_HOSTS } from "./platform/push/push-sender.js";
import { madeSecrets } from "./platform/config/secrets-file.js";
import { hashPassword } from "./domains/auth/password.js";
import { randomUUID } from "node:crypto";
import { createMemoryPresenceStore, createRedisPresenceStore } from "./platform/presence/presence-store.js";
import { createPresenceTracker } from "./platform/presence/presence-tracker.js";
import { createSessionService } from "./platform/sessions/session.service.js";
import { createRequestAuth } from "./platform/sessions/request-auth.js";
import { createDevOutbox, type DevOutbox, type Mailer } from "./platform/mail/mailer.js";
import { createSmtpMailer } from "./platform/mail/smtp-mailer.js";
import { renderOutboxPage } from "./platform/mail/outbox-page.js";
import { clientIpResolver } from "./platform/http/client-ip.js";
import { createLocalFileStorage } from "./platform/storage/local-file-storage.js";
import { createS3FileStorage } from "./platform/storage/s3-file-storage.js";
import { createUploadsRoutes } from "./platform/storage/uploads-routes.js";
import { createPostImageReceiver } from "./domains/posts/post-image-upload.js";
import { FILE_MAX_BYTES, serverMessages, ZAvatarUploaded, ZPostImage, ZSharedFile } from "@orgo/api-contract";
import { IMAGE_MAX_BYTES } from "./platform/images/image-pipeline.js";
import { createSharedFileReceiver } from "./domains/posts/shared-file-upload.js";
import { createOAuthService } from "./domains/oauth/oauth.service.js";
import { createOAuthRoutes } from "./domains/oauth/oauth-routes.js";
import { configuredProviders } from "./domains/oauth/configured-providers.js";
import { createMemoryRateLimiter } from "./platform/rate-limit/memory-rate-limiter.js";
import { createRedisRateLimiter } from "./platform/rate-limit/redis-rate-limiter.js";
import { createApiServer, type ApiServer, type HttpRoute } from "./platform/server/server.js";
import { createMetrics, type Metrics } from "./platform/metrics/metrics.js";
import { createMetricsRoute } from "./platform/metrics/metrics-route.js";
import { requestContext } from "./platform/http/request-context.js";
import { createOrigins } from "./platform/http/origins.js";
import { isLoopbackRequest, isOwnHost } from "./platform/http/origin.js";

export interface RunningApp {
  address: AddressInfo;
  url: string;
  db: Db;
  bus: EventBus;
  server: ApiServer;
  /** Where mail goes until SMTP is configured (tests read codes from it); null with SMTP. */
  outbox: DevOutbox | null;
  stop(): Promise<void>;
}

/**
 * Everything `npm start` does after the build: database (embedded when no URL),
 * migrations, seed, event bus, server. Tests start the same thing on port 0.
 */
export async function startApp(
  config: Config,
  logger: Logger,
  /** Tests only: the network link previews see (a test resolver, the loopback page server allowed). */
  testNetwork: SafeFetchOptions = {},
): Promise<RunningApp> {
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

  // Filled in once the server exists (the metrics read its sockets); statements and events come before.
  let metrics: Metrics | null = null;
  const db = createDb({
    connectionString: databaseUrl,
    maxConnections: config.dbPoolSize,
    slowQuery: {
      thresholdMs: config.slowQueryMs,
      report: (sql, durationMs) =>
        logger.warn(
          { ...requestContext.getStore(), durationMs: Math.round(durationMs), sql: sql.slice(0, 1000) },
          "slow database statement",
        ),
    },
    observe: {
      statement: (ms) => metrics?.dbStatement(ms),
      poolWait: (ms) => metrics?.dbPoolWait(ms),
    },
  });
  if (config.seedDemoData) {
    const seeded = await seedDemoData(db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
    if (seeded.posts) logger.info(seeded, "seeded demo data");
  }
  const redisUrl = config.redisUrl;
  const bus = redisUrl
    ? createRedisEventBus(redisUrl, logger, (lagMs) => metrics?.busDelivered(lagMs / 1000))
    : createMemoryEventBus();
  const sessions = createSessionService({ db });
  const outbox = config.smtpUrl ? null : createDevOutbox(logger, { logText: config.logUnsentMail });
  const smtp = config.smtpUrl ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom, logger }) : null;
  const mailer: Mailer = smtp ?? outbox!;
  const limiter = redisUrl ? createRedisRateLimiter(redisUrl, logger) : createMemoryRateLimiter();
  if (!config.s3) await mkdir(config.uploadDir, { recursive: true });
  // The AWS SDK is loaded only when used: most runs keep files on disk.
  const storage = config.s3 ? await createS3FileStorage(config.s3) : createLocalFileStorage(config.uploadDir);
  // Read when used: with PORT=0 (tests) the origins are known only after listen().
  const origins = createOrigins(config);
  const publicOrigin = () => origins.public;
  const providers = configuredProviders(config.oauth, publicOrigin);
  // Each process renews its own entries: a tab closing here never hides one open elsewhere.
  const presenceStore = redisUrl ? createRedisPresenceStore(redisUrl, randomUUID()) : createMemoryPresenceStore();
  const made = config.vapid && config.mailLinkSecret ? null : await madeSecrets(config.dataDir);
  const pushSender = createPushSender({
    vapid: { ...(config.vapid ?? made!.vapid), subject: config.vapidSubject },
    allowedHosts: config.pushAllowedHosts ?? DEFAULT_PUSH_HOSTS,
  });
  const linkSecret = config.mailLinkSecret ?? made!.mailLinkSecret;
  const pushDeps = { db, sender: pushSender, presence: presenceStore, logger, now: () => new Date() };
  const jobs = await startJobQueue({
    connectionString: databaseUrl,
    logger,
    handlers: {
      ...createAuthJobs({ db, mailer, publicOrigin }),
      ...createMentoringJobs({ db, bus, storage, logger }),
      ...createModerationJobs({ db, bus }),
      ...createPushJobs(pushDeps),
      ...createAwayMailJobs({
        db,
        mailer,
        presence: presenceStore,
        publicOrigin,
        linkSecret,
        logger,
        now: () => new Date(),
      }),
    },
  });
  const presence = createPresenceTracker({ store: presenceStore, bus, logger, ttlMs: config.presenceTtlMs });
  // The push sweep runs on whichever process is free; each start makes sure one is
  // waiting, and so does every minute (a sweep that died with the database leaves its
  // job locked, and so no next one, until the lock lapses).
  await sweepAgain(pushDeps, 0);
  const sweepWatch = setInterval(
    () =>
      void sweepAgain(pushDeps, PUSH_SWEEP_SECONDS).catch((err: unknown) =>
        logger.warn({ err }, "could not ask for the next push sweep; trying again in a minute"),
      ),
    60_000,
  );
  sweepWatch.unref();
  const services = createServices({
    db,
    bus,
    sessions,
    jobs,
    presenceStore,
    presenceTtlMs: config.presenceTtlMs,
    chatSendsPer10s: config.chatSendsPer10s,
    limiter,
    storage,
    oauthProviders: () => Object.keys(providers) as (keyof typeof providers)[],
    logger,
    pushSender,
    linkFetch: createSafeFetch(testNetwork),
    publicOrigin,
  });
  const postImages = createPostImageReceiver({ db, storage });
  const sharedFiles = createSharedFileReceiver({ db, storage });
  const auth = createRequestAuth({ sessions, secureCookies: config.secureCookies });
  const clientIp = clientIpResolver(config.trustProxyHops);
  const routes: HttpRoute[] = [
    createUnsubscribeRoute({ db, linkSecret }),
    createOAuthRoutes({
      db,
      providers,
      oauth: createOAuthService({ db }),
      sessions,
      auth,
      limiter,
      clientIp,
      secureCookies: config.secureCookies,
      logger,
      publicOrigin,
    }),
    createUploadsRoutes({
      auth,
      receivers: {
        "/uploads/avatar": {
          maxBytes: IMAGE_MAX_BYTES,
          tooLarge: serverMessages.imageTooLarge,
          receive: async (viewer, bytes) =>
            ZAvatarUploaded.parse({ avatarUrl: (await services.users.setAvatar(viewer, bytes)).avatarUrl }),
        },
        "/uploads/post-image": {
          maxBytes: IMAGE_MAX_BYTES,
          tooLarge: serverMessages.imageTooLarge,
          receive: async (viewer, bytes) => {
            await services.guard.trust.check(viewer, { pictures: true });
            return ZPostImage.parse(await postImages(viewer, bytes));
          },
        },
        // A file's name comes as ?name= (the body is its bytes, as pictures').
        "/uploads/file": {
          maxBytes: FILE_MAX_BYTES,
          tooLarge: serverMessages.fileTooLarge,
          receive: async (viewer, bytes, url) => {
            await services.guard.trust.check(viewer, { pictures: true });
            return ZSharedFile.parse(await sharedFiles(viewer, bytes, url.searchParams.get("name") ?? ""));
          },
        },
      },
      limiter,
      origins,
      storage,
    }),
  ];
  if (outbox && config.devOutboxPage) {
    routes.push((req, res, url) => {
      if (url.pathname !== "/dev/outbox") return false;
      // Sign-up codes and reset links: only to this machine, asked for by one of our
      // own names (a page on another site resolving its name to 127.0.0.1 — DNS
      // rebinding — sends its own Host, and is answered as if there were no page).
      if (!isLoopbackRequest(req) || !isOwnHost(req, origins.allowed)) return false;
      renderOutboxPage(outbox, res, url);
      return true;
    });
  }
  const server = createApiServer({
    config,
    origins,
    services,
    auth,
    clientIp,
    bus,
    logger,
    routes,
    presence,
    readyChecks: redisUrl ? [() => pingRedis(redisUrl)] : [],
    onRequest: (procedures, status, seconds) => metrics?.request(procedures, status, seconds),
  });
  metrics = createMetrics({
    pool: () => poolStatsOf(db),
    live: () => server.liveStats(),
    jobs: () => jobs.stats(),
  });
  routes.unshift(createMetricsRoute(metrics, config.metricsToken));
  const address = await server.listen();
  const host = address.address === "::" || address.address === "0.0.0.0" ? "localhost" : address.address;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  origins.listening(url, address.port);
  for (const warning of insecureOriginWarnings(origins.allowed)) logger.warn(warning);
  // The public origin, not the bound address: OAuth callbacks and the session cookie
  // belong to it, and a person who opened another host would sign in to nowhere.
  logger.info(
    {
      url: origins.public,
      listening: url,
      events: redisUrl ? "redis" : "in-process",
      database: embedded ? "embedded" : "external",
    },
    `OrGo is ready on ${origins.public}`,
  );

  return {
    address,
    url,
    db,
    bus,
    server,
    outbox,
    async stop() {
      clearInterval(sweepWatch);
      await server.close();
      await presence.stop();
      await Promise.all([jobs.stop(), bus.close(), limiter.close(), presenceStore.close()]);
      smtp?.close();
      await db.$disconnect();
      await embedded?.stop();
    },
  };
}
