import type { TestProject } from "vitest/node";
import { prepareTemplate, resolveTestServer } from "./test-database.js";

import type {} from "./fresh-database.js";

/** Vitest globalSetup for projects that need PostgreSQL: one migrated template per run. */
export default async function setup(project: TestProject) {
  const { adminUrl, embedded } = await resolveTestServer(project.name);
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", await prepareTemplate(adminUrl));
  return async () => {
    await embedded?.stop();
  };
}
