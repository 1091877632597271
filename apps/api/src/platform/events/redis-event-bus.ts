import { Cluster } from "ioredis";
import superjson from "superjson";
import { ZEventEnvelope, type TChannel, type TEventEnvelope } from "@orgo/api-contract";
import type { Logger } from "../logger.js";
import type { EventBus, EventHandler } from "./event-bus.js";
import { createHandlerRegistry } from "./handler-registry.js";
import { waitForFirstReady } from "./redis-ready.js";
import { connectRedis, isClusterUrl } from "../redis/redis-client.js";

const PREFIX = "orgo:events:";
/** The Redis channel of events for many channels (no bus channel starts with "*"). */
const MANY = `${PREFIX}*many`;

/**
 * Cross-process bus on Redis pub/sub: one publisher and one subscriber connection
 * per process, whatever the number of websocket subscriptions; Redis channels are
 * reference-counted so each is SUBSCRIBEd once and dropped with its last listener.
 *
 * On a Redis Cluster (`redis+cluster://…`) it uses sharded pub/sub (SPUBLISH,
 * SSUBSCRIBE; Redis 7): each channel lives on the shard that owns its slot, so no
 * event is copied to every node as classic PUBLISH does in a cluster, and the subscriber
 * keeps one connection per primary. An event for many channels is then published to
 * each (one message naming them all would live on one shard, heard by every process).
 */
export function createRedisEventBus(
  url: string,
  log: Logger,
  /** Each event received: milliseconds since a process published it (clocks of one machine or NTP). */
  onDelivered?: (lagMs: number) => void,
): EventBus {
  // Commands issued in the same tick go out in one write (a room's many inbox events).
  // No offline queue: while Redis is away a publish fails at once (and is dropped)
  // rather than holding the request that made it.
  const sharded = isClusterUrl(url);
  const publisher = connectRedis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: 3,
    enableAutoPipelining: true,
    enableOfflineQueue: false,
  });
  const subscriber = connectRedis(url, { lazyConnect: false, maxRetriesPerRequest: null, sharded });
  /** The commands of sharded or classic pub/sub (the subscriber's own, or its cluster's). */
  const pubsub =
    subscriber instanceof Cluster && publisher instanceof Cluster
      ? {
          publish: (channel: string, message: string) => publisher.spublish(channel, message),
          subscribe: (channel: string) => subscriber.ssubscribe(channel),
          unsubscribe: (channel: string) => subscriber.sunsubscribe(channel),
          messageEvent: "smessage",
        }
      : {
          publish: (channel: string, message: string) => publisher.publish(channel, message),
          subscribe: (channel: string) => subscriber.subscribe(channel),
          unsubscribe: (channel: string) => subscriber.unsubscribe(channel),
          messageEvent: "message",
        };
  for (const [name, conn] of [
    ["publisher", publisher],
    ["subscriber", subscriber],
  ] as const) {
    conn.on("error", (error) => log.warn({ err: error, conn: name }, "redis connection error"));
  }

  // SUBSCRIBE must wait for the connection's ready check (an INFO command): sent
  // earlier, it puts the connection in subscriber mode, the check fails and the
  // subscription made at start-up (session revocations) is silently lost.
  const subscriberReady = new Promise<void>((resolve) => {
    if (subscriber.status === "ready") resolve();
    else subscriber.once("ready", () => resolve());
  });

  // After the first ready, each `ready` is a comeback (ioredis re-subscribes the
  // channels itself): events published while it was away never arrived.
  const resumeListeners: (() => void)[] = [];
  let everReady = false;
  // On a cluster the comeback is the subscriber group's: ioredis says "subscribersReady"
  // once it has subscribed again after the topology changed (a primary failed over),
  // and only then.
  subscriber.on(sharded ? "subscribersReady" : "ready", () => {
    if (!everReady) {
      everReady = true;
      return;
    }
    log.warn("redis is back: live streams catch up from the database");
    for (const listener of resumeListeners) listener();
  });
  let droppedSince: number | null = null;
  const publisherFirstReady = waitForFirstReady(publisher, 2_000);

  const handlers = createHandlerRegistry<string>();
  // Subscribes in flight, so concurrent first listeners share one SUBSCRIBE.
  const pending = new Map<string, Promise<unknown>>();

  /** The envelope in a message, validated; null (and logged) when it does not validate. */
  function envelopeOf(message: string, redisChannel: string): TEventEnvelope | null {
    try {
      // superjson, like the tRPC transport, so dates survive the trip.
      const raw = superjson.parse<{ sentAt?: unknown }>(message);
      if (onDelivered && typeof raw?.sentAt === "number") onDelivered(Date.now() - raw.sentAt);
      return ZEventEnvelope.parse(raw);
    } catch (error) {
      // A newer release may publish shapes we do not know: skip, never crash.
      log.warn({ err: error, channel: redisChannel }, "dropped an event envelope that did not validate");
      return null;
    }
  }

  /**
   * An event for many channels: their names on the first line, then the envelope. The
   * envelope is parsed only when this process listens to one of them.
   */
  function receiveMany(message: string) {
    const newline = message.indexOf("\n");
    let to: unknown;
    try {
      to = JSON.parse(message.slice(0, newline));
    } catch {
      to = null;
    }
    if (newline < 0 || !Array.isArray(to)) {
      log.warn({ channel: MANY }, "dropped an event for many channels without their names");
      return;
    }
    // Every process hears every such message: keep only the channels this one listens to.
    const listened: string[] = [];
    for (const name of to) {
      if (typeof name === "string" && handlers.has(PREFIX + name)) listened.push(PREFIX + name);
    }
    if (listened.length === 0) return;
    const event = envelopeOf(message.slice(newline + 1), MANY);
    if (event) for (const key of listened) handlers.dispatch(key, event);
  }

  subscriber.on(pubsub.messageEvent, (redisChannel: string, message: string) => {
    if (redisChannel === MANY) return receiveMany(message);
    if (!handlers.has(redisChannel)) return;
    const event = envelopeOf(message, redisChannel);
    if (event) handlers.dispatch(redisChannel, event);
  });

  // Every process with a listener hears the events for many channels, and hands each
  // to the channels it listens to. Subscribed with the first listener, and before
  // that listener's `subscribe` resolves (ioredis subscribes again after a reconnect).
  let manyListening: Promise<unknown> | null = null;
  function listenToMany(): Promise<unknown> {
    if (sharded) return Promise.resolve();
    manyListening ??= subscriberReady
      .then(() => pubsub.subscribe(MANY))
      .catch((error: unknown) => {
        manyListening = null;
        throw error;
      });
    return manyListening;
  }

  /**
   * Channels asked for in the same turn of the event loop are subscribed with one
   * SUBSCRIBE (a reconnect storm asks for thousands at once; one command each was a
   * reply each to wait for and parse). Sharded channels live on different shards, so
   * on a cluster each is its own SSUBSCRIBE.
   */
  let batch: { keys: string[]; subscribed: Promise<unknown> } | null = null;
  function subscribeSoon(key: string): Promise<unknown> {
    if (sharded) return subscriberReady.then(() => pubsub.subscribe(key));
    if (!batch) {
      const keys: string[] = [];
      const subscribed = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => {
          batch = null;
          return subscriberReady;
        })
        .then(() => subscriber.subscribe(...keys));
      batch = { keys, subscribed };
    }
    batch.keys.push(key);
    return batch.subscribed;
  }

  /** Publishes, never failing the committed write that called it (see EventBus). */
  async function send(redisChannel: string, message: string, channel: TChannel) {
    try {
      if (publisher.status !== "ready") await publisherFirstReady;
      await pubsub.publish(redisChannel, message);
      if (droppedSince !== null) {
        log.info({ awayMs: Date.now() - droppedSince }, "redis publishes go through again");
        droppedSince = null;
      }
    } catch (error) {
      // Logged once per outage; subscribers catch up from the database on resume.
      if (droppedSince === null) {
        droppedSince = Date.now();
        log.warn({ err: error, channel }, "redis is away: live events are dropped until it is back");
      }
    }
  }

  /** `sentAt` rides beside the envelope (a receiver's schema drops it) for the lag metric. */
  const wire = (event: TEventEnvelope) => superjson.stringify({ ...event, sentAt: Date.now() });

  function unsubscribe(channel: TChannel, handler: EventHandler) {
    const key = flatKey(channel);
    if (handlers.remove(key, handler)) void pubsub.unsubscribe(key).catch(() => {});
  }

  return {
    publish(channel: TChannel, event: TEventEnvelope) {
      return send(PREFIX + channel, wire(event), channel);
    },
    publishToMany(channels: readonly TChannel[], event: TEventEnvelope) {
      const [first] = channels;
      if (first === undefined) return Promise.resolve();
      if (channels.length === 1) return send(PREFIX + first, wire(event), first);
      if (sharded) {
        const text = wire(event);
        return Promise.all(channels.map((channel) => send(PREFIX + channel, text, channel))).then(() => undefined);
      }
      return send(MANY, `${JSON.stringify(channels)}\n${wire(event)}`, first);
    },
    onResume(listener) {
      resumeListeners.push(listener);
    },
    async subscribe(channel: TChannel, handler: EventHandler) {
      const key = flatKey(channel);
      if (handlers.add(key, handler)) {
        pending.set(
          key,
          subscribeSoon(key).finally(() => pending.delete(key)),
        );
      }
      await Promise.all([pending.get(key), listenToMany()]);
      return () => unsubscribe(channel, handler);
    },
    unsubscribe(channel: TChannel, handler: EventHandler) {
      unsubscribe(channel, handler);
    },
    async close() {
      handlers.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}

/**
 * The Redis channel of a bus channel, as one flat string: held as a map key for as
 * long as anyone listens, and V8 would keep a concatenation as pieces plus the flat
 * copy it makes to hash it.
 */
function flatKey(channel: TChannel): string {
  return Buffer.from(PREFIX + channel, "utf8").toString("utf8");
}

export async function pingRedis(url: string): Promise<boolean> {
  const client = connectRedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  client.on("error", () => undefined); // the answer is the boolean
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
