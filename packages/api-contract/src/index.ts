// The contract as clients see it: schemas, DTO and event types, error codes, who
// calls (TViewer, TDevice), and the router's type. Nothing here runs server code;
// the tRPC runtime, the live feeds and the services interface are behind
// "@orgo/api-contract/server", which only the server imports.
export * from "./schemas.js";
export type { TDevice, TViewer } from "./viewer.js";
export type { AppRouter } from "./server/router.js";
