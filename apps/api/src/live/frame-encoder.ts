import { stringifyShared } from "@orgo/api-contract";

interface Message {
  id?: unknown;
  jsonrpc?: unknown;
  result?: { type?: unknown; id?: unknown; data?: { json?: unknown; meta?: unknown } };
}

const isTrackedJson = (json: unknown): json is { id: string; data: unknown } =>
  typeof json === "object" &&
  json !== null &&
  Object.keys(json).length === 2 &&
  typeof (json as { id?: unknown }).id === "string" &&
  "data" in json;

/**
 * The websocket frames of live events. A frame differs between subscribers only by
 * the subscription id (and the tracked id around the payload); the payload — the
 * event, already validated and serialised once and shared by every subscriber — is
 * stringified once and spliced in. Everything else is plain JSON.
 */
export const frameEncoder = {
  encode(value: unknown): string {
    const message = value as Message;
    const result = message?.result;
    const data = result?.data;
    if (result?.type !== "data" || typeof data?.json !== "object" || data.json === null) {
      return JSON.stringify(value);
    }
    const json = data.json;
    const jsonText = isTrackedJson(json)
      ? `{"id":${JSON.stringify(json.id)},"data":${stringifyShared(json.data)}}`
      : stringifyShared(json);
    const dataText =
      data.meta === undefined ? `{"json":${jsonText}}` : `{"json":${jsonText},"meta":${JSON.stringify(data.meta)}}`;
    const jsonrpc = message.jsonrpc === undefined ? "" : `,"jsonrpc":${JSON.stringify(message.jsonrpc)}`;
    const trackedId = result.id === undefined ? "" : `,"id":${JSON.stringify(result.id)}`;
    return `{"id":${JSON.stringify(message.id ?? null)}${jsonrpc},"result":{"type":"data"${trackedId},"data":${dataText}}}`;
  },
  decode(data: string | ArrayBuffer | Uint8Array): unknown {
    if (typeof data === "string") return JSON.parse(data);
    return JSON.parse(Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString("utf8"));
  },
};
