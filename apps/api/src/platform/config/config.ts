import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const repoRoot = fileURLToPath(new URL("../../../../../", import.meta.url));

/**
 * Calls in one HTTP batch, and calls running at once on one websocket. Our client
 * batches a handful; a batch of a thousand was one anonymous request exhausting
 * the database pool for everyone.
 */
export const MAX_CALLS_AT_ONCE = 20;

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", ""])
  .transform((v) => v === "true" || v === "1")
  .optional();

/**
 * Every setting the API reads, validated once at start-up. The defaults make the
 * single-machine run (`npm start` with nothing set) work.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** Absent: an embedded PostgreSQL is started with its data under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * Absent: live events stay inside this process. `redis+cluster://host:port,host:port`
   * (or REDIS_CLUSTER_NODES): a Redis Cluster, with sharded pub/sub (Redis ≥ 7).
   */
  REDIS_URL: z
    .string()
    .regex(
      /^(rediss?:\/\/\S+|redis\+cluster:\/\/[^\s,]+(,[^\s,]+)*)$/,
      "REDIS_URL: redis://, rediss:// or redis+cluster://",
    )
    .optional(),
  /** A Redis Cluster's nodes (any of them; the rest are found): `host:port,host:port`. */
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/, "REDIS_CLUSTER_NODES: host:port,host:port")
    .optional(),
  /** Comma-separated exact origins allowed for writes and websockets. */
  ALLOWED_ORIGINS: z.string().optional(),
  DATA_DIR: z.string().default(path.join(repoRoot, ".data")),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  WEB_DIST_DIR: z.string().default(path.join(repoRoot, "apps", "web", "dist")),
  SEED_DEMO_DATA: booleanFromEnv,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  WS_MAX_PAYLOAD_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Open websockets per client address and per session; live subscriptions per socket. */
  WS_MAX_SOCKETS_PER_IP: z.coerce.number().int().min(1).default(100),
  WS_MAX_SOCKETS_PER_SESSION: z.coerce.number().int().min(1).default(16),
  WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).default(50),
  /** How long a person stays "online" without renewal: the most a dead process leaves them shown online. */
  PRESENCE_TTL_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),
  /** Chat messages one person may send in 10 s, all rooms together. */
  CHAT_SENDS_PER_10S: z.coerce.number().int().min(1).default(30),
  /** Bytes queued for a websocket that does not read before it is cut off. */
  WS_MAX_BUFFERED_BYTES: z.coerce.number().int().min(16_384).default(1_048_576),
  /** The address people use, for links in mail and OAuth callbacks. Default: the first allowed origin. */
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  /** How many reverse proxies in front of us append to X-Forwarded-For (0: use the socket address). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** smtp(s)://user:pass@host:port. Absent: mail goes to the development outbox. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default("OrGo <no-reply@orgo.local>"),
  /** Serve the development outbox at /dev/outbox (default: only for the single-machine run). */
  DEV_OUTBOX_PAGE: booleanFromEnv,
  /** Where uploaded images are kept (unless S3_BUCKET is set). */
  UPLOAD_DIR: z.string().optional(),
  /**
   * Uploads in S3-compatible object storage instead (API processes on several hosts):
   * the bucket, its credentials, and for anything but AWS the endpoint.
   */
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing (endpoint/bucket/key). Default: on with S3_ENDPOINT, off for AWS. */
  S3_FORCE_PATH_STYLE: booleanFromEnv,
  /** Database statements slower than this (ms) are logged as warnings with their request; 0: never. */
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),
  /** Bearer token for GET /metrics (Prometheus). Absent: /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN: at least 16 characters").optional(),
  /**
   * Web Push keys (VAPID, base64url; `npx web-push generate-vapid-keys`). Absent: made
   * once and kept in DATA_DIR/secrets.json, which is right for one machine only.
   */
  VAPID_PUBLIC_KEY: z.string().min(80).optional(),
  VAPID_PRIVATE_KEY: z.string().min(40).optional(),
  /** mailto: or https: — how a push service reaches whoever runs this server. Default: MAIL_FROM's address. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "VAPID_SUBJECT: mailto: or https:")
    .optional(),
  /** Comma-separated push service hosts the server sends to (`*.` for subdomains). Default: the browsers' own. */
  PUSH_ALLOWED_HOSTS: z.string().optional(),
  /** Signs unsubscribe links in mail (at least 32 characters). Absent: made once in DATA_DIR/secrets.json. */
  MAIL_LINK_SECRET: z.string().min(32, "MAIL_LINK_SECRET: at least 32 characters").optional(),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
});

export type Config = ReturnType<typeof loadConfig>;

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** Frozen all the way down: what is read at start is what runs (a test cannot patch it either). */
function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}

/** Origins that silently weaken the session cookie, to warn about at start. */
export function insecureOriginWarnings(allowedOrigins: readonly string[]): string[] {
  const https = allowedOrigins.some((origin) => origin.startsWith("https://"));
  return allowedOrigins
    .filter((origin) => origin.startsWith("http://"))
    .filter((origin) => https || !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin))
    .map((origin) =>
      https
        ? `ALLOWED_ORIGINS mixes https with ${origin}: the session cookie loses Secure and __Host- for everyone`
        : `ALLOWED_ORIGINS has ${origin}: sessions travel without TLS and the cookie is not Secure`,
    );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  // Codes and reset links must reach their owner by mail; a real deployment that
  // cannot send mail would either lock everyone out or leak them into its logs.
  if (e.NODE_ENV === "production" && e.DATABASE_URL && !e.SMTP_URL) {
    throw new Error(
      "Invalid configuration: SMTP_URL is required in production with an external DATABASE_URL " +
        "(sign-up codes and password reset links are sent by mail). Set SMTP_URL, or unset " +
        "DATABASE_URL for the single-machine development run.",
    );
  }
  if (e.S3_BUCKET && !(e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY)) {
    throw new Error("Invalid configuration: S3_BUCKET needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.");
  }
  const allowedOrigins = e.ALLOWED_ORIGINS
    ? e.ALLOWED_ORIGINS.split(",")
        .map((o) => o.trim().replace(/\/$/, ""))
        .filter(Boolean)
    : [`http://localhost:${e.PORT}`, `http://127.0.0.1:${e.PORT}`];
  const dataDir = path.resolve(e.DATA_DIR);
  const oauthClient = (id: string | undefined, secret: string | undefined) =>
    id && secret ? { clientId: id, clientSecret: secret } : null;
  return deepFreeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_CLUSTER_NODES ? `redis+cluster://${e.REDIS_CLUSTER_NODES}` : e.REDIS_URL,
    allowedOrigins,
    allowedOriginsSet: e.ALLOWED_ORIGINS !== undefined,
    // Served over https (behind a proxy): Secure, __Host- prefixed session cookie.
    secureCookies: allowedOrigins.length > 0 && allowedOrigins.every((origin) => origin.startsWith("https://")),
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    // Demo data belongs in the embedded developer database, not in a real one
    // unless asked for.
    seedDemoData: e.SEED_DEMO_DATA ?? !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    dbPoolSize: e.DB_POOL_SIZE,
    wsMaxPayloadBytes: e.WS_MAX_PAYLOAD_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    presenceTtlMs: e.PRESENCE_TTL_MS,
    chatSendsPer10s: e.CHAT_SENDS_PER_10S,
    socketLimits: {
      perIp: e.WS_MAX_SOCKETS_PER_IP,
      perSession: e.WS_MAX_SOCKETS_PER_SESSION,
      subscriptionsPerSocket: e.WS_MAX_SUBSCRIPTIONS,
      // A few dozen: our own client never has more than a handful in flight.
      callsPerSocket: MAX_CALLS_AT_ONCE,
      maxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
    },
    publicOriginSet: e.PUBLIC_ORIGIN !== undefined,
    publicOrigin: (e.PUBLIC_ORIGIN ?? allowedOrigins[0] ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    trustProxyHops: e.TRUST_PROXY_HOPS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    // The outbox shows sign-up codes and reset links: only where nobody else can reach it.
    devOutboxPage: !e.SMTP_URL && (e.DEV_OUTBOX_PAGE ?? !e.DATABASE_URL),
    // Unsent mail (codes, reset links) goes to the log only in the single-machine
    // development run, never where a log is shipped or shared.
    logUnsentMail: !e.SMTP_URL && !e.DATABASE_URL,
    metricsToken: e.METRICS_TOKEN ?? null,
    slowQueryMs: e.SLOW_QUERY_MS,
    uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(dataDir, "uploads")),
    s3:
      e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            bucket: e.S3_BUCKET,
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE ?? e.S3_ENDPOINT !== undefined,
          }
        : null,
    vapid:
      e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
        ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY }
        : null,
    vapidSubject: e.VAPID_SUBJECT ?? `mailto:${/<([^>]+)>/.exec(e.MAIL_FROM)?.[1] ?? e.MAIL_FROM}`,
    pushAllowedHosts: e.PUSH_ALLOWED_HOSTS
      ? e.PUSH_ALLOWED_HOSTS.split(",")
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean)
      : null,
    mailLinkSecret: e.MAIL_LINK_SECRET ?? null,
    oauth: {
      github: oauthClient(e.GITHUB_CLIENT_ID, e.GITHUB_CLIENT_SECRET),
      google: oauthClient(e.GOOGLE_CLIENT_ID, e.GOOGLE_CLIENT_SECRET),
    },
  });
}
