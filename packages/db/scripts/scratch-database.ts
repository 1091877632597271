import { resolveTestServer } from "../src/testing/test-database.js";

/**
 * The wasm schema engine connects even to diff two schemas, so the offline tools
 * borrow a server: DATABASE_URL, else the test server (local or embedded).
 */
export async function scratchDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  return (await resolveTestServer()).adminUrl;
}
