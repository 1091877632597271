import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Keeps a proxy's request id when it looks sane, so one id follows a request through. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && /^[\w.-]{8,128}$/.test(incoming) ? incoming : randomUUID();
}
