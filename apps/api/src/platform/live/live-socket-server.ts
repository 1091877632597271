import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import {
  callTRPCProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  isTrackedEnvelope,
  tracked,
  transformTRPCResponse,
  TRPCError,
  type TRPCProcedureType,
} from "@trpc/server";
import { parseTRPCMessage, type TRPCClientOutgoingMessage, type TRPCResponseMessage } from "@trpc/server/rpc";
import { type AppRouter } from "@orgo/api-contract";
import { LiveFeed, RecentCache, type TContext } from "@orgo/api-contract/server";
import type { ChannelHub, FeedSink, TapHandle } from "./channel-hub.js";
import { withItem, withoutAt } from "./small-list.js";
import { DRAIN_TIMEOUT_MS, SLOW_CONSUMER_CLOSE_CODE } from "./socket-limits.js";

/**
 * tRPC over websockets — the same wire protocol as `@trpc/server/adapters/ws`, so
 * `wsLink` clients (ours and anyone's) talk to it unchanged — built to hold many
 * idle sockets cheaply:
 *
 * - a subscription that answers with a `LiveFeed` is served by the channel hub: a
 *   small record in its channel's set, no async generator, no bus listener and no
 *   promise of its own; any other subscription is iterated as tRPC does;
 * - a connection is one object; keep-alive is one timer for the whole process that
 *   pings a socket only after it has been silent (the adapter keeps two timers and
 *   several closures per socket);
 * - the upgrade request is let go once the context is built.
 */
export interface LiveSocketServerOptions {
  router: AppRouter;
  hub: ChannelHub;
  /** Bytes queued for a socket that does not read before it is cut off (see SLOW_CONSUMER_CLOSE_CODE). */
  maxBufferedBytes: number;
  /** When a socket closes (after its subscriptions ended): for counters and the access log. */
  onClose(details: { code: number; durationMs: number; requestId: string; ip: string }): void;
  /** Once per connection whose context was made, after its socket closed: the viewer's bookkeeping ends. */
  onContextEnd(socket: WebSocket, ctx: TContext): void;
  createContext(req: IncomingMessage, socket: WebSocket): Promise<TContext>;
  /** A socket silent this long is pinged; one that then stays silent `pongWaitMs` is cut. */
  keepAlive: { pingMs: number; pongWaitMs: number };
  onError(details: { error: TRPCError; path: string | undefined; ctx: TContext | undefined }): void;
}

const OPEN = 1;

/**
 * The signal of every feed subscription: feeds are stopped through the hub, never
 * through a signal (an AbortController per connection, with its signal's listener
 * maps, was ≈ 0.6 KiB of each idle socket).
 */
const FEED_SIGNAL = new AbortController().signal;

/** Milliseconds since this module loaded: small integers, stored unboxed in a connection. */
const clockStart = Date.now();
const clock = () => Date.now() - clockStart;

interface Subscription {
  readonly id: number | string;
  stop(): void;
}

export function createLiveSocketServer(options: LiveSocketServerOptions) {
  const { router, hub } = options;
  const config = router._def._config;
  const connections = new Set<Connection>();
  /** Subscription procedures seen answering a LiveFeed (a procedure always answers the same kind). */
  const feedPaths = new Set<string>();

  class Connection {
    /** Set once the context is made; until then calls wait for `contextPending`. */
    private ctx: TContext | undefined;
    private contextError: TRPCError | undefined;
    private contextPending: Promise<void> | null = null;
    private contextAsked = false;
    /** A short list (capped by the connection's budget; see small-list.ts): a Map was ≈ 250 bytes of an idle socket. */
    private subscriptions: Subscription[] | null = null;
    private request: IncomingMessage | null;
    private cut = false;
    private isClosed = false;
    readonly openedAt = clock();
    heardAt = this.openedAt;
    pingedAt = 0;
    /**
     * Pinged up to a quarter early, at random: sockets opened together (a deploy, a
     * benchmark) would otherwise fall silent together and be pinged in one burst —
     * a thousand writes in one tick stalled the process for hundreds of milliseconds.
     */
    readonly pingEarlyMs = Math.floor(Math.random() * (options.keepAlive.pingMs / 4));

    constructor(
      readonly socket: WebSocket,
      request: IncomingMessage,
      readonly requestId: string,
      readonly ip: string,
    ) {
      this.request = request;
      const url = new URL(request.url ?? "/", "http://internal");
      // With `?connectionParams=1` the client's first message carries them; we read
      // none (the session cookie is the credential), but must wait for it.
      if (url.searchParams.get("connectionParams") !== "1") this.askContext();
    }

    private askContext() {
      this.contextAsked = true;
      this.contextPending = this.createContext().finally(() => (this.contextPending = null));
    }

    private async createContext(): Promise<void> {
      const request = this.request!;
      this.request = null;
      try {
        const ctx = await options.createContext(request, this.socket);
        this.ctx = ctx;
        // Closed while the session was being read: its bookkeeping ends at once.
        if (this.isClosed) options.onContextEnd(this.socket, ctx);
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        this.contextError = error;
        options.onError({ error, path: undefined, ctx: undefined });
        this.respond({ id: null, error: this.errorShape(error, "unknown", undefined, undefined) });
        setImmediate(() => this.socket.close());
      }
    }

    respond(message: TRPCResponseMessage) {
      this.send(JSON.stringify(transformTRPCResponse(config, message)));
    }

    /**
     * Every frame goes through here, respecting the socket's backpressure: a client
     * that does not read is cut off past `maxBufferedBytes` with a code that tells it
     * to reconnect and resume from its last event id — the database, not our memory,
     * holds what it missed.
     */
    send(frame: string) {
      if (this.cut || this.socket.readyState !== OPEN) return;
      if (this.socket.bufferedAmount > options.maxBufferedBytes) return this.cutOff();
      this.socket.send(frame);
    }

    /** Null when the socket can take more; else a promise of its draining (or of its cut-off). */
    writable(): Promise<void> | null {
      const low = options.maxBufferedBytes / 2;
      const settled = () => this.cut || this.socket.readyState !== OPEN || this.socket.bufferedAmount <= low;
      if (settled()) return null;
      const since = Date.now();
      return new Promise((resolve) => {
        const check = () => {
          if (settled()) return resolve();
          if (Date.now() - since > DRAIN_TIMEOUT_MS) {
            this.cutOff();
            return resolve();
          }
          setTimeout(check, 10);
        };
        setTimeout(check, 10);
      });
    }

    private cutOff() {
      this.cut = true;
      this.socket.close(SLOW_CONSUMER_CLOSE_CODE, "Too slow: reconnect and catch up");
      // A client that does not read will not read our close frame either.
      setTimeout(() => this.socket.terminate(), 1_000).unref();
    }

    private errorShape(error: TRPCError, type: TRPCProcedureType | "unknown", path?: string, input?: unknown) {
      return getErrorShape({ config, error, type, path, input, ctx: this.ctx });
    }

    private fail(id: number | string | null, jsonrpc: "2.0" | undefined, cause: unknown, call?: RequestCall) {
      const error = getTRPCErrorFromUnknown(cause);
      options.onError({ error, path: call?.path, ctx: this.ctx });
      this.respond({
        id,
        jsonrpc,
        error: this.errorShape(error, call?.type ?? "unknown", call?.path, call?.input),
      });
    }

    onMessage(data: Buffer, isBinary: boolean) {
      this.heardAt = clock();
      this.pingedAt = 0;
      const text = isBinary ? null : data.toString("utf8");
      if (text === "PONG") return;
      if (text === "PING") {
        this.send("PONG");
        return;
      }
      if (text === null) {
        this.fail(
          null,
          undefined,
          new TRPCError({ code: "UNPROCESSABLE_CONTENT", message: "Binary frames are not spoken here" }),
        );
        return;
      }
      if (!this.contextAsked) {
        this.askContext();
        return;
      }
      let messages: TRPCClientOutgoingMessage[];
      try {
        const decoded = JSON.parse(text) as unknown;
        messages = (Array.isArray(decoded) ? decoded : [decoded]).map((raw) =>
          parseTRPCMessage(raw, config.transformer),
        );
      } catch (cause) {
        this.fail(null, undefined, new TRPCError({ code: "PARSE_ERROR", cause }));
        return;
      }
      messages.forEach((message, index) => this.handle(message, index));
    }

    private handle(message: TRPCClientOutgoingMessage, batchIndex: number) {
      const { id, jsonrpc } = message;
      if (id === null) {
        this.fail(id, jsonrpc, new TRPCError({ code: "PARSE_ERROR", message: "`id` is required" }));
        return;
      }
      if (message.method === "subscription.stop") {
        this.subscriptions?.find((subscription) => subscription.id === id)?.stop();
        return;
      }
      const { path, lastEventId } = message.params;
      let input = message.params.input;
      if (lastEventId !== undefined) {
        input =
          typeof input === "object" && input !== null && !Array.isArray(input)
            ? { ...input, lastEventId }
            : (input ?? { lastEventId });
      }
      const call: RequestCall = {
        id,
        jsonrpc: jsonrpc === undefined ? undefined : "2.0",
        path,
        input,
        type: procedureTypes[message.method],
      };
      this.run(call, batchIndex).catch((cause) => this.fail(id, jsonrpc, cause, call));
    }

    private async run(call: RequestCall, batchIndex: number) {
      if (this.contextPending) await this.contextPending;
      if (this.contextError) throw this.contextError;
      // Subscriptions known to answer feeds share one signal that never fires (see
      // FEED_SIGNAL); others get their own controller.
      const abort = call.type === "subscription" && feedPaths.has(call.path) ? null : new AbortController();
      const result: unknown = await callTRPCProcedure({
        router,
        path: call.path,
        getRawInput: () => Promise.resolve(call.input),
        ctx: this.ctx,
        type: call.type,
        signal: abort ? abort.signal : FEED_SIGNAL,
        batchIndex,
      });
      const streams = isAsyncIterable(result); // a LiveFeed is one too
      if (call.type !== "subscription") {
        if (streams) {
          throw new TRPCError({
            code: "UNSUPPORTED_MEDIA_TYPE",
            message: `Cannot return an async iterable from a ${call.type} procedure with WebSockets`,
          });
        }
        this.respond({ id: call.id, jsonrpc: call.jsonrpc, result: { type: "data", data: result } });
        return;
      }
      if (!streams) {
        throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `Subscription ${call.path} did not stream` });
      }
      if (this.socket.readyState !== OPEN) {
        if (result instanceof LiveFeed) result.end();
        else abort?.abort();
        return;
      }
      if (this.subscriptions?.some((subscription) => subscription.id === call.id)) {
        if (result instanceof LiveFeed) result.end();
        else abort?.abort();
        throw new TRPCError({ code: "BAD_REQUEST", message: `Duplicate id ${call.id}` });
      }
      // Held for as long as the subscription lives: its input is not needed again, and
      // its path is the router's own string rather than a copy parsed from each message.
      call.input = undefined;
      call.path = sharedPath(call.path);
      if (result instanceof LiveFeed) feedPaths.add(call.path);
      const subscription =
        result instanceof LiveFeed
          ? new FeedSubscription(this, call, result as LiveFeed<unknown>)
          : this.iterate(call, result, abort ?? new AbortController());
      this.subscriptions = withItem(this.subscriptions, subscription);
      // A feed says "started" itself, once its hub has it in place (FeedSink.started).
      if (!(result instanceof LiveFeed))
        this.respond({ id: call.id, jsonrpc: call.jsonrpc, result: { type: "started" } });
    }

    /** A live item's frame: the subscription's id around the item's shared result text. */
    sendItem(call: RequestCall, value: unknown) {
      const id = typeof call.id === "number" ? String(call.id) : JSON.stringify(call.id);
      const jsonrpc = call.jsonrpc === undefined ? "" : `,"jsonrpc":${JSON.stringify(call.jsonrpc)}`;
      this.send(`{"id":${id}${jsonrpc},"result":${resultTextOf(value)}}`);
    }

    /** Ends a subscription once: the client hears "stopped" or the error, unless it asked to stop. */
    ended(call: RequestCall, error: unknown, tellClient: boolean) {
      const index = this.subscriptions?.findIndex((subscription) => subscription.id === call.id) ?? -1;
      if (index === -1) return false;
      this.subscriptions = withoutAt(this.subscriptions!, index);
      if (!tellClient) return true;
      if (error === null) this.respond({ id: call.id, jsonrpc: call.jsonrpc, result: { type: "stopped" } });
      else this.fail(call.id, call.jsonrpc, error, call);
      return true;
    }

    private iterate(call: RequestCall, iterable: AsyncIterable<unknown>, abort: AbortController): Subscription {
      const iterator = iterable[Symbol.asyncIterator]();
      void (async () => {
        try {
          for (;;) {
            const next = await iterator.next();
            if (next.done || abort.signal.aborted) break;
            this.sendItem(call, next.value);
          }
          this.ended(call, null, !abort.signal.aborted);
        } catch (error) {
          this.ended(call, error, !abort.signal.aborted);
        } finally {
          abort.abort();
        }
      })();
      // Our generators wake on the signal; `return` finishes one parked at a yield.
      return {
        id: call.id,
        stop: () => {
          if (abort.signal.aborted) return;
          this.ended(call, null, true);
          abort.abort();
          void iterator.return?.().catch(() => undefined);
        },
      };
    }

    close(code: number) {
      connections.delete(this);
      this.isClosed = true;
      // Each stops and leaves the map (its "stopped" goes nowhere: the socket is closed).
      // Safe to walk while each leaves it: the list is replaced, not changed in place.
      for (const subscription of this.subscriptions ?? []) subscription.stop();
      if (this.ctx) options.onContextEnd(this.socket, this.ctx);
      options.onClose({ code, durationMs: clock() - this.openedAt, requestId: this.requestId, ip: this.ip });
    }
  }

  /**
   * The `result` of a live item's frame, as text: transformed (superjson) and
   * stringified once per item however many subscribers it reaches. Items are shared
   * objects (validated once, see parseOnce); a tracked item is keyed by its data,
   * since tRPC's tracked() wrapper is made per subscriber.
   */
  const resultTexts = new RecentCache<object, { trackedId: string | undefined; text: string }>();
  function resultTextOf(value: unknown): string {
    const isTracked = isTrackedEnvelope(value);
    const trackedId = isTracked ? value[0] : undefined;
    const data: unknown = isTracked ? value[1] : value;
    if (typeof data !== "object" || data === null) return textOf(data, trackedId);
    const cached = resultTexts.get(data, () => ({ trackedId, text: textOf(data, trackedId) }));
    return cached.trackedId === trackedId ? cached.text : textOf(data, trackedId);
  }
  function textOf(data: unknown, trackedId: string | undefined): string {
    const result =
      trackedId === undefined
        ? { type: "data" as const, data }
        : { type: "data" as const, id: trackedId, data: { id: trackedId, data } };
    const transformed = transformTRPCResponse(config, { id: null, result });
    return JSON.stringify("result" in transformed ? transformed.result : null);
  }

  /** Paths of procedures that answered, one string each (a known procedure's path, so bounded). */
  const paths = new Map<string, string>();
  function sharedPath(path: string): string {
    const known = paths.get(path);
    if (known !== undefined) return known;
    paths.set(path, path);
    return path;
  }

  // Listeners shared by every socket (`this` is the socket): nothing allocated per connection.
  const connectionOf = new WeakMap<WebSocket, Connection>();
  function onMessage(this: WebSocket, data: Buffer, isBinary: boolean) {
    connectionOf.get(this)?.onMessage(data, isBinary);
  }
  function onError(cause: Error) {
    // Handled, or Node would crash on a malformed frame; the socket closes by itself.
    options.onError({ error: getTRPCErrorFromUnknown(cause), path: undefined, ctx: undefined });
  }
  function onClose(this: WebSocket, code: number) {
    connectionOf.get(this)?.close(code);
    connectionOf.delete(this);
  }

  /**
   * A live feed served to one subscription: the hub's sink and the connection's
   * handle in one object (no closures: one of these per subscription, for as long
   * as it lives).
   */
  class FeedSubscription implements FeedSink, Subscription, RequestCall {
    // The call's own fields, so a subscription is one object rather than two.
    readonly id: number | string;
    readonly jsonrpc: "2.0" | undefined;
    readonly path: string;
    private readonly tap: TapHandle;

    constructor(
      private readonly connection: Connection,
      call: RequestCall,
      private readonly feed: LiveFeed<unknown>,
    ) {
      this.id = call.id;
      this.jsonrpc = call.jsonrpc;
      this.path = call.path;
      this.tap = hub.attach(feed, this);
    }

    // The same for every subscription: on the prototype, not two fields of each.
    get type(): TRPCProcedureType {
      return "subscription";
    }
    get input(): undefined {
      return undefined;
    }

    started() {
      this.connection.respond({ id: this.id, jsonrpc: this.jsonrpc, result: { type: "started" } });
    }

    send(value: unknown, resumeId?: number) {
      this.connection.sendItem(this, resumeId === undefined ? value : tracked(String(resumeId), value));
    }

    writable() {
      return this.connection.writable();
    }

    end(error: unknown) {
      this.finish(error === null ? null : this.feed.mapError(error));
    }

    stop() {
      this.finish(null);
    }

    private finish(error: unknown) {
      if (!this.connection.ended(this, error, true)) return;
      hub.detach(this.tap);
      this.feed.end();
    }
  }

  interface RequestCall {
    id: number | string;
    jsonrpc: "2.0" | undefined;
    path: string;
    input: unknown;
    type: TRPCProcedureType;
  }

  // One timer for every socket: ping the silent, cut the unanswering.
  const { pingMs, pongWaitMs } = options.keepAlive;
  const keepAlive = setInterval(
    () => {
      const now = clock();
      for (const connection of connections) {
        if (connection.pingedAt !== 0) {
          if (now - connection.pingedAt >= pongWaitMs) connection.socket.terminate();
        } else if (now - connection.heardAt >= pingMs - connection.pingEarlyMs) {
          connection.pingedAt = now;
          connection.send("PING");
        }
      }
    },
    // Often enough that each sweep pings a thin slice of the spread.
    Math.max(250, Math.min(1_000, pingMs / 4, pongWaitMs / 4)),
  );
  keepAlive.unref();

  return {
    /** Serves tRPC on an accepted websocket. */
    accept(socket: WebSocket, request: IncomingMessage, who: { requestId: string; ip: string }) {
      const connection = new Connection(socket, request, who.requestId, who.ip);
      connections.add(connection);
      connectionOf.set(socket, connection);
      socket.on("message", onMessage);
      socket.on("error", onError);
      socket.on("close", onClose);
    },

    /** Open connections. */
    size: () => connections.size,

    /** Tells every client to reconnect (we are shutting down); they resume from their last ids. */
    broadcastReconnectNotification() {
      const frame = JSON.stringify({ id: null, method: "reconnect" });
      for (const connection of connections) connection.send(frame);
    },

    /** Asks every open socket to close (a restart: clients reconnect and resume). */
    closeAll(code: number, reason: string) {
      for (const connection of connections) connection.socket.close(code, reason);
    },

    /** Drops every socket still open (the shutdown's deadline passed). */
    terminateAll() {
      for (const connection of connections) connection.socket.terminate();
    },

    close() {
      clearInterval(keepAlive);
    },
  };
}

/** The literal strings, rather than copies parsed from each message. */
const procedureTypes: Record<TRPCProcedureType, TRPCProcedureType> = {
  query: "query",
  mutation: "mutation",
  subscription: "subscription",
};

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === "object" && value !== null && Symbol.asyncIterator in value;
