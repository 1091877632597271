import type { Config } from "../config/config.js";

/**
 * The origins this server answers for, read at request time: the configured ones,
 * or — with ALLOWED_ORIGINS unset — its own address, which is known only once it
 * listens (PORT=0 binds a free port). The configuration itself never changes.
 */
export interface Origins {
  /** Exact origins allowed to write and to open websockets. */
  readonly allowed: readonly string[];
  /** The address people use: links in mail, OAuth callbacks. */
  readonly public: string;
}

export function createOrigins(
  config: Pick<Config, "allowedOrigins" | "allowedOriginsSet" | "publicOrigin" | "publicOriginSet" | "port">,
): Origins & { listening(url: string, port: number): void } {
  let allowed = config.allowedOrigins;
  let publicOrigin = config.publicOrigin;
  return {
    get allowed() {
      return allowed;
    },
    get public() {
      return publicOrigin;
    },
    listening(url, port) {
      if (config.port !== 0) return;
      if (!config.allowedOriginsSet) allowed = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
      if (!config.publicOriginSet) publicOrigin = url;
    },
  };
}
