import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// The Prisma CLI wants a native schema-engine binary that cannot be downloaded on
// our machines, so we drive the same engine compiled to wasm. The npm package is
// built for bundlers (`import * as wasm from "./x.wasm"`), hence the manual
// instantiation below.
let ready: Promise<typeof bindings> | undefined;

// Node's global WebAssembly: its types live in lib.dom, which server code does not
// load, so the one function used here is described here.
interface WasmRuntime {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }>;
}
const wasmRuntime = (globalThis as { WebAssembly?: WasmRuntime }).WebAssembly!;

function loadBindings(): Promise<typeof bindings> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require
      .resolve("@prisma/schema-engine-wasm/schema_engine_bg")
      .replace(/schema_engine_bg\.js$/, "schema_engine_bg.wasm");
    const { instance } = await wasmRuntime.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings,
    });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start: () => void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bindings;
  })();
  return ready;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * Opens a schema engine on a database. The wasm engine connects eagerly, so even a
 * schema-to-schema diff (which reads nothing from the database) needs a reachable
 * PostgreSQL.
 */
export async function openSchemaEngine(
  schema: SchemaFile,
  connectionString: string,
): Promise<{ engine: SchemaEngine; close: () => Promise<void> }> {
  const { SchemaEngine } = await loadBindings();
  const factory = new PrismaPg({ connectionString });
  // The engine's connections must be closed by us: freeing the engine does not, and
  // one of them holds Prisma's migration advisory lock, so every other process
  // starting against this database waited ~10 s for its lock timeout.
  const opened: { dispose(): Promise<void> }[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      // The adapter runs a migration script by splitting it at every ";", which breaks
      // a function body ($$ … ; … $$, the audit log's append-only trigger). PostgreSQL
      // reads a multi-statement script itself, quotes and all, and runs it as one
      // transaction: the whole migration applies or none of it does.
      adapter.executeScript = (script) => runScript(connectionString, script);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  // A bare PrismaPg instance loses `this` inside the engine; the binder keeps it.
  const adapter = bindMigrationAwareSqlAdapterFactory(tracking);
  const engine = await SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => {}, adapter);
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(opened.splice(0).map((connection) => connection.dispose()));
    },
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };

/** One migration script in one simple-protocol query (see openSchemaEngine). */
async function runScript(connectionString: string, script: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(script);
  } finally {
    await client.end();
  }
}
