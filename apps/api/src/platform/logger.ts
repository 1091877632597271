import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** JSON lines to stdout, or to `destination` (tests read what was logged). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "orgo-api" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Cookies and auth headers never reach the logs.
    redact: ["req.headers.cookie", "req.headers.authorization", "*.password"],
  };
  return destination ? pino(options, destination) : pino(options);
}
