import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The HTTP request being served, for code far below it that has no handle on it (the
 * database's slow-statement report): its id, and the tRPC procedures it calls.
 */
export const requestContext = new AsyncLocalStorage<{ requestId: string; procedure?: string }>();
