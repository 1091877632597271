import { describe, expect, it } from "vitest";
import { serializeOutput } from "@orgo/api-contract";
import { frameEncoder } from "../src/live/frame-encoder.js";

/** The frames tRPC's client reads must be the same JSON whether spliced or stringified whole. */
describe("the websocket frame encoder", () => {
  const event = { kind: "message", at: new Date("2026-05-06T07:08:09Z"), text: 'quotes " and \\ and 한글' };

  it("writes the same JSON as JSON.stringify for tracked, plain and other messages", () => {
    const messages = [
      { id: 3, jsonrpc: "2.0", result: { type: "data", id: "41", data: serializeOutput({ id: "41", data: event }) } },
      { id: "sub-1", result: { type: "data", data: serializeOutput(event) } },
      { id: 4, result: { type: "started" } },
      { id: 5, error: { json: { message: "No such room" } } },
      { id: null, method: "reconnect" },
    ];
    for (const message of messages) {
      expect(JSON.parse(frameEncoder.encode(message))).toEqual(JSON.parse(JSON.stringify(message)));
    }
  });

  it("reads what clients send, as text or bytes", () => {
    const text = JSON.stringify({ id: 1, method: "query", params: { path: "auth.me" } });
    expect(frameEncoder.decode(text)).toEqual(JSON.parse(text));
    expect(frameEncoder.decode(Buffer.from(text))).toEqual(JSON.parse(text));
  });
});
