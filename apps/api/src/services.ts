import type { Services } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import type { EventBus } from "./events/event-bus.js";
import type { SessionService } from "./auth/session.service.js";
import type { Mailer } from "./mail/mailer.js";
import type { RateLimiter } from "./rate-limit/rate-limiter.js";
import { createPostService } from "./posts/post.service.js";
import { createAuthService } from "./auth/auth.service.js";
import { createSystemService } from "./system/system.service.js";

export interface ServiceDeps {
  db: Db;
  bus: EventBus;
  sessions: SessionService;
  mailer: Mailer;
  limiter: RateLimiter;
}

export function createServices(deps: ServiceDeps): Services {
  return {
    auth: createAuthService(deps),
    posts: createPostService(deps),
    system: createSystemService(deps),
  };
}
