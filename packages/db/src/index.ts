export { createDb, poolOf, poolStatsOf, type Db, type CreateDbOptions } from "./client.js";
export { Prisma } from "./generated/prisma/client.js";
export { isDatabaseBusy, isForeignKeyViolation, isUniqueViolation, isUnreachableDatabaseError } from "./errors.js";
export { recountCounters, type CounterScope } from "./counters.js";
export { applyMigrations } from "./migrations/migrate.js";
export {
  startEmbeddedPostgres,
  defaultEmbeddedDataDir,
  type EmbeddedDatabase,
} from "./connection/embedded-postgres.js";
export { ensureDatabase, isReachable, withDatabase } from "./connection/admin.js";
export { seedDemoData, DEMO_USER_HANDLE } from "./seed/seed.js";
export { DEMO_PASSWORD } from "./seed/demo-data.js";
