import { loadConfig, type Config } from "./platform/config/config.js";
import { createLogger } from "./platform/logger.js";
import { startApp } from "./app.js";

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  // A wrong setting is the operator's to fix: say which, without a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const logger = createLogger(config.logLevel);

const app = await startApp(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, "OrGo failed to start");
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => {
    logger.error("shutdown took too long; exiting");
    process.exit(1);
  }, config.shutdownTimeoutMs + 5_000);
  force.unref();
  try {
    await app.stop();
    logger.info("stopped cleanly");
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, "error during shutdown");
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
