import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DestinationStream } from "pino";
import { loadConfig } from "../../src/platform/config/config.js";
import { createLogger } from "../../src/platform/logger.js";
import { startApp, type RunningApp } from "../../src/app.js";
import type { SafeFetchOptions } from "../../src/platform/link-fetch/safe-fetch.js";
import { testSecretsEnv } from "./test-secrets.js";

/** The real app (server, services, bus) on a free port against a test database. */
export async function startTestApp(options: {
  databaseUrl: string;
  redisUrl?: string;
  seed?: boolean;
  webDistDir?: string;
  /** Extra environment, e.g. OAuth credentials or DEV_OUTBOX_PAGE. */
  env?: Record<string, string>;
  /** Where log lines go (tests that read the log); stdout otherwise. */
  logDestination?: DestinationStream;
  /** The network link previews see (the loopback page server of link-preview tests). */
  linkNetwork?: SafeFetchOptions;
}): Promise<RunningApp> {
  // Uploaded files of a test app go to a folder of its own, removed when it stops.
  const uploadDir = mkdtempSync(path.join(tmpdir(), "orgo-uploads-"));
  const config = loadConfig({
    UPLOAD_DIR: uploadDir,
    // Not production: tests run an external database without SMTP (mail goes to the outbox).
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    SEED_DEMO_DATA: options.seed === false ? "false" : "true",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    SHUTDOWN_TIMEOUT_MS: "2000",
    ...testSecretsEnv,
    ...(options.webDistDir ? { WEB_DIST_DIR: options.webDistDir } : {}),
    ...options.env,
  });
  const app = await startApp(config, createLogger(config.logLevel, options.logDestination), options.linkNetwork);
  const stop = app.stop.bind(app);
  app.stop = async () => {
    await stop();
    rmSync(uploadDir, { recursive: true, force: true });
  };
  return app;
}
