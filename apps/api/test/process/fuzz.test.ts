import WebSocket from "ws";
import fc from "fast-check";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@orgo/api-contract/server";
import { freshDatabase, type FreshDatabase } from "@orgo/db/testing";
import type { RunningApp } from "../../src/app.js";
import { startTestApp } from "../helpers/app.js";
import { cookieFor } from "../helpers/sessions.js";
import { rawTrpc } from "../helpers/raw-trpc.js";
import { fromSchema, leafPaths, sweepValues, withLeaf, type JsonSchema } from "./fuzz-arbitraries.js";

/**
 * Every procedure, from its own input schema plus hostile values, anonymous and
 * signed in, against the real router on a real database: no answer may be a 500,
 * nothing may be logged as an error, and the server must be healthy afterwards.
 * Seeded and bounded; `npm run fuzz` runs the same with many more inputs.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>)
  // Signing out ends the session the signed-in runs use: it goes last, on its own.
  .sort(([a], [b]) => Number(a === "auth.signOut") - Number(b === "auth.signOut"));

const schemaOf = (def: ProcedureDef["_def"]) =>
  def.inputs[0] ? (z.toJSONSchema(def.inputs[0], { io: "input", unrepresentable: "any" }) as JsonSchema) : undefined;

/**
 * The sweep: one input the schema describes, with every field in turn replaced by
 * each hostile value, so no field escapes however the random draw falls.
 */
function sweptInputs(def: ProcedureDef["_def"]): unknown[] {
  const bigStrings = def.type === "mutation";
  const schema = schemaOf(def);
  const [base] = fc.sample(
    fromSchema(schema ?? { type: "null" }, { bigStrings, hostileLeaves: false, allKeys: true }),
    {
      numRuns: 1,
      seed: SEED,
    },
  );
  return leafPaths(base).flatMap((path) => sweepValues(bigStrings).map((value) => withLeaf(base, path, value)));
}

function inputArbitrary(def: ProcedureDef["_def"], bigStrings: boolean): fc.Arbitrary<unknown> {
  const schema = schemaOf(def);
  return fc.oneof(
    { arbitrary: fromSchema(schema ?? { type: "null" }, { bigStrings }), weight: 4 },
    { arbitrary: fromSchema(undefined, { bigStrings }), weight: 1 },
  );
}

describe(`fuzzing every procedure (${RUNS} inputs each, anonymous and signed in, seed ${SEED})`, () => {
  let fresh: FreshDatabase;
  let app: RunningApp;
  const logged: { level: number; msg: string; err?: unknown }[] = [];

  beforeAll(async () => {
    fresh = await freshDatabase();
    app = await startTestApp({
      databaseUrl: fresh.url,
      env: { LOG_LEVEL: "warn" },
      logDestination: { write: (line: string) => void logged.push(JSON.parse(line) as (typeof logged)[number]) },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await fresh?.drop();
  });

  /** A subscription's first answer over a raw websocket (data, or an error), then it is stopped. */
  async function subscribeOnce(cookie: string | undefined, path: string, input: unknown): Promise<string> {
    const socket = new WebSocket(`${app.url.replace("http", "ws")}/trpc`, {
      headers: { origin: app.url, ...(cookie ? { cookie } : {}) },
    });
    socket.on("error", () => undefined);
    try {
      await new Promise((resolve, reject) => socket.once("open", resolve).once("close", reject));
      const first = new Promise<string>((resolve) => {
        socket.on("message", (data: Buffer) => {
          const text = data.toString("utf8");
          // "started" says nothing yet; the first event or error does, and a quiet stream is fine too.
          if (text !== "PING" && !text.includes('"type":"started"')) resolve(text);
        });
        setTimeout(() => resolve("quiet"), 150);
      });
      socket.send(JSON.stringify({ id: 1, method: "subscription", params: { path, input: { json: input } } }));
      return await first;
    } finally {
      socket.terminate();
    }
  }

  // A member reaches every procedure but the staff's; an admin, then, the staff's own
  // (moderation and admin), past the role check into their inputs.
  const staffPaths = ([path]: [string, ProcedureDef]) => path.startsWith("moderation.") || path.startsWith("admin.");
  for (const [handle, label, only] of [
    [null, "anonymous", () => true],
    ["jiwoo", "signed in", () => true],
    ["ara_admin", "an admin, moderation and admin procedures", staffPaths],
  ] as const) {
    it(`answers no hostile input with a 500 (${label})`, async () => {
      const cookie = handle ? await cookieFor(app.db, handle) : undefined;
      const api = rawTrpc(app.url, { cookie });
      const failures: string[] = [];
      for (const [path, procedure] of procedures.filter(only)) {
        const def = procedure._def;
        const check = async (input: unknown): Promise<boolean> => {
          const answer =
            def.type === "subscription"
              ? { status: 200, text: await subscribeOnce(cookie, path, input) }
              : def.type === "query"
                ? await api.query(path, input)
                : await api.mutate(path, input);
          const ok = answer.status < 500 && !answer.text.includes("INTERNAL_SERVER_ERROR");
          if (!ok) {
            const shown = JSON.stringify(input)?.slice(0, 200);
            failures.push(`${path} ${shown} → ${answer.status} ${answer.text.slice(0, 300)}`);
          }
          return ok;
        };
        for (const input of sweptInputs(def)) await check(input);
        // Then random inputs; fast-check shrinks a failure to its smallest form.
        await fc
          .assert(fc.asyncProperty(inputArbitrary(def, def.type === "mutation"), check), {
            numRuns: RUNS,
            seed: SEED,
            endOnFailure: true,
          })
          .catch(() => undefined);
      }
      expect(failures).toEqual([]);
      // Every procedure eight times over: its work, not a wait (28–53 s on a loaded CI).
    }, 180_000);
  }

  it("logged no error, and the server is healthy afterwards", async () => {
    const errors = logged.filter((line) => line.level >= 50);
    expect(errors.map((e) => `${e.msg} ${JSON.stringify(e.err ?? "").slice(0, 300)}`)).toEqual([]);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    expect((await rawTrpc(app.url).query("post.feed", {})).status).toBe(200);
  });
});
