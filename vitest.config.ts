import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * The test lanes. Each is a vitest project, chosen by folder, so a test's lane is
 * where it lives (docs/testing.md):
 *
 * - unit: no database, no server, no Redis — seconds (`npm run test:unit`);
 * - db: services against a real PostgreSQL (a fresh database per file, cloned from
 *   one migrated template);
 * - process: real servers on free ports, Redis, child API processes, nginx;
 * - browser: Chromium journeys through the real SPA and server.
 */
const needsDatabase = ["apps/api/test/global-setup-database.ts"];
// Tests that start API processes run the compiled server, as production does.
const needsCompiledApi = [...needsDatabase, "apps/api/test/global-setup-compile.ts"];
// expect.poll waits for what a person would wait for: its 1 s default is shorter than a
// page takes to start on a loaded two-core CI machine (a Korean first paint missed it).
const slow = { testTimeout: 60_000, hookTimeout: 120_000, expect: { poll: { timeout: 15_000 } } };
// isolate: false for every lane that starts a server — a test file builds its own
// app and database and shares no module state (no vi.mock, no env writes; the one file
// that fakes the clock puts it back in afterAll), so files reuse the modules their worker
// has imported (the server, Prisma's client, the contract) instead of importing them
// again. A CI run spent 110 s importing before the db and browser lanes shared; the
// process lane, kept a worker per file as a precaution until then, still spent 81 s of
// its 89 s importing on a 2-core machine that is CPU-bound while the lanes run
// (docs/testing.md).
const shared = { ...slow, isolate: false };

const lanes: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: "unit",
      include: [
        "apps/api/test/unit/**/*.test.ts",
        "apps/web/test/**/*.test.ts",
        "packages/api-contract/test/**/*.test.ts",
        "packages/db/test/unit/**/*.test.ts",
      ],
    },
  },
  {
    test: {
      name: "db",
      include: ["apps/api/test/db/**/*.test.ts", "packages/db/test/*.test.ts"],
      globalSetup: needsDatabase,
      ...shared,
    },
  },
  {
    test: {
      name: "process",
      include: ["apps/api/test/process/**/*.test.ts"],
      globalSetup: needsCompiledApi,
      ...shared,
    },
  },
  {
    test: {
      name: "browser",
      include: ["apps/api/test/browser/**/*.test.ts"],
      globalSetup: needsCompiledApi,
      ...shared,
    },
  },
];

export default defineConfig({ test: { projects: lanes } });
