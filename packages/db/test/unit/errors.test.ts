import { describe, expect, it } from "vitest";
import { isUnreachableDatabaseError } from "../../src/errors.js";

describe("isUnreachableDatabaseError", () => {
  it("knows PostgreSQL's and the network's 'out of reach' anywhere in an error's cause chain", () => {
    expect(isUnreachableDatabaseError(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isUnreachableDatabaseError(Object.assign(new Error("x"), { code: "57P01" }))).toBe(true);
    expect(isUnreachableDatabaseError(Object.assign(new Error("x"), { code: "08006" }))).toBe(true);
    expect(isUnreachableDatabaseError(new Error("wrapped", { cause: new Error("Connection terminated") }))).toBe(true);
    expect(isUnreachableDatabaseError({ kind: "DatabaseNotReachable" })).toBe(true);
  });

  it("leaves the request's own faults and our bugs alone", () => {
    expect(isUnreachableDatabaseError(Object.assign(new Error("x"), { code: "23505" }))).toBe(false);
    expect(isUnreachableDatabaseError(new TypeError("undefined is not a function"))).toBe(false);
    const looped: { cause?: unknown } = {};
    looped.cause = looped;
    expect(isUnreachableDatabaseError(looped)).toBe(false);
  });
});
