import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Keeps a proxy's request id when it looks sane, so one id follows a request through. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && /^[\w.-]{8,128}$/.test(incoming) ? incoming : newRequestId();
}

/**
 * A fresh id as one flat string. Node builds a UUID by concatenating its hex pairs,
 * and V8 keeps that as a tree of ~20 string pieces (≈ 320 bytes instead of 56) for
 * as long as the id lives — a websocket keeps its id for the access log of its close.
 */
function newRequestId(): string {
  return Buffer.from(randomUUID(), "latin1").toString("latin1");
}
