import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "orgo-api" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Cookies and auth headers never reach the logs.
    redact: ["req.headers.cookie", "req.headers.authorization", "*.password"],
  });
}
