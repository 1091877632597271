export { resolveTestServer, prepareTemplate, createTestDatabase, dropTestDatabase } from "./test-database.js";
export { freshDatabase, type FreshDatabase } from "./fresh-database.js";
