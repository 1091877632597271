import { createRequire } from "node:module";
import { runMigrations } from "graphile-worker";
import type { TestProject } from "vitest/node";
import { prepareTemplate, resolveTestServer } from "@orgo/db/testing";

import type {} from "@orgo/db/testing";

const graphileVersion = (createRequire(import.meta.url)("graphile-worker/package.json") as { version: string }).version;

/**
 * Vitest globalSetup for the lanes that need PostgreSQL: one template per run, migrated
 * and with the job queue's schema, because a notification or a chat message adds its
 * push job in its own transaction (services tested without a running queue too).
 */
export default async function setup(project: TestProject) {
  const { adminUrl, embedded } = await resolveTestServer(project.name);
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide(
    "templateDatabase",
    await prepareTemplate(adminUrl, {
      key: `graphile-worker@${graphileVersion}`,
      install: (connectionString) => runMigrations({ connectionString, logger: undefined }),
    }),
  );
  return async () => {
    await embedded?.stop();
  };
}
