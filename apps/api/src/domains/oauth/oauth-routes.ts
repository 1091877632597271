import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { generateCodeVerifier, generateState } from "arctic";
import { parse, serialize } from "cookie";
import { AppError, type TOAuthProvider } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import { sessionUnlessSuspended } from "../safety/suspension.js";
import type { Logger } from "../../platform/logger.js";
import type { RequestAuth } from "../../platform/sessions/request-auth.js";
import type { SessionService } from "../../platform/sessions/session.service.js";
import type { ClientIp } from "../../platform/http/client-ip.js";
import { redirect, safeReturnPath } from "../../platform/http/respond.js";
import type { RateLimiter } from "../../platform/rate-limit/rate-limiter.js";
import { limits } from "../../platform/rate-limit/limits.js";
import type { OAuthProvider } from "./oauth-provider.js";
import type { OAuthService } from "./oauth.service.js";

const FLOW_COOKIE = "orgo_oauth";
const FLOW_TTL_SECONDS = 600;

interface Flow {
  provider: TOAuthProvider;
  state: string;
  codeVerifier: string;
  returnTo: string;
}

/** arctic's token request takes no abort signal; a provider that never answers must not hold the page. */
const EXCHANGE_TIMEOUT_MS = 15_000;
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer from the provider within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * GET /auth/<provider>          → the provider's consent page
 * GET /auth/<provider>/callback → back here: check state, exchange the code, sign in
 *
 * The state, the PKCE verifier and where to return live in one short-lived
 * HttpOnly cookie scoped to /auth, deleted on every path of the callback. Every
 * outcome ends in a redirect to a page of the SPA, which explains failures.
 */
export function createOAuthRoutes(deps: {
  providers: Partial<Record<TOAuthProvider, OAuthProvider>>;
  oauth: OAuthService;
  sessions: SessionService;
  auth: RequestAuth;
  /** Where a suspension is read before a session opens. */
  db: Db;
  limiter: RateLimiter;
  clientIp: ClientIp;
  secureCookies: boolean;
  logger: Logger;
  /** Where the provider sends people back (read per request: tests learn their port late). */
  publicOrigin: () => string;
}) {
  const cookieOptions = { httpOnly: true, sameSite: "lax", secure: deps.secureCookies, path: "/auth" } as const;

  function readFlow(req: IncomingMessage): Flow | null {
    const raw = req.headers.cookie ? parse(req.headers.cookie)[FLOW_COOKIE] : undefined;
    if (!raw) return null;
    try {
      const flow = JSON.parse(raw) as Partial<Flow>;
      return typeof flow.state === "string" &&
        typeof flow.codeVerifier === "string" &&
        typeof flow.provider === "string" &&
        typeof flow.returnTo === "string"
        ? (flow as Flow)
        : null;
    } catch {
      return null;
    }
  }

  function start(provider: OAuthProvider, url: URL, res: ServerResponse) {
    const state = generateState();
    const codeVerifier = generateCodeVerifier();
    const flow: Flow = {
      provider: provider.name,
      state,
      codeVerifier,
      returnTo: safeReturnPath(url.searchParams.get("returnTo")),
    };
    res.appendHeader(
      "Set-Cookie",
      serialize(FLOW_COOKIE, JSON.stringify(flow), { ...cookieOptions, maxAge: FLOW_TTL_SECONDS }),
    );
    redirect(res, provider.authorizationUrl(state, codeVerifier).toString());
  }

  async function callback(provider: OAuthProvider, url: URL, req: IncomingMessage, res: ServerResponse) {
    const flow = readFlow(req);
    res.appendHeader("Set-Cookie", serialize(FLOW_COOKIE, "", { ...cookieOptions, maxAge: 0 }));
    const viewer = await deps.auth.viewerOf(req, res);
    // Linking starts from Settings; signing in from the sign-in page.
    const failurePage = viewer ? "/settings" : "/signin";
    const fail = (reason: string) => redirect(res, `${failurePage}?oauth=${reason}`);

    const ip = deps.clientIp(req);
    const hit = await deps.limiter.hit(`oauth:ip:${ip}`, limits.oauthPerIp);
    if (!hit.allowed) return fail("rate_limited");

    const error = url.searchParams.get("error");
    if (error) return fail(error === "access_denied" ? "cancelled" : "failed");
    const code = url.searchParams.get("code");
    const state = url.searchParams.get("state");
    if (!flow || flow.provider !== provider.name || !code || !state || !sameString(state, flow.state)) {
      return fail("bad_state");
    }

    let profile;
    try {
      profile = await withTimeout(provider.fetchProfile(code, flow.codeVerifier), EXCHANGE_TIMEOUT_MS);
    } catch (err) {
      deps.logger.warn({ err, provider: provider.name }, "OAuth code exchange failed");
      return fail("failed");
    }
    const outcome = await deps.oauth.signInWithProfile(provider.name, profile, viewer?.userId ?? null);
    if (!outcome.ok) return fail(outcome.refusal);
    deps.logger.info({ provider: provider.name, userId: outcome.userId, how: outcome.how }, "OAuth sign-in");
    if (!viewer) {
      let opened;
      try {
        opened = await sessionUnlessSuspended(
          { db: deps.db, sessions: deps.sessions, now: () => new Date() },
          outcome.userId,
          { userAgent: req.headers["user-agent"] ?? "", ip },
        );
      } catch (refusal) {
        // A suspended person lands on the sign-in page, which says until when and why.
        if (!(refusal instanceof AppError) || !refusal.details?.suspension) throw refusal;
        const { until, reason } = refusal.details.suspension;
        const query = new URLSearchParams({ oauth: "suspended", reason, ...(until ? { until } : {}) });
        return redirect(res, `/signin?${query.toString()}`);
      }
      deps.auth.setSession(res, opened.token, opened.session.expiresAt);
    }
    // A new account starts with its first steps (people, studies, profile), which
    // then lead back to where the person was.
    const target =
      outcome.how === "created"
        ? new URL(
            `/welcome${flow.returnTo === "/" ? "" : `?next=${encodeURIComponent(flow.returnTo)}`}`,
            "http://orgo.invalid",
          )
        : new URL(flow.returnTo, "http://orgo.invalid");
    if (outcome.how !== "returning") target.searchParams.set("oauth", outcome.how);
    redirect(res, `${target.pathname}${target.search}`);
  }

  /** Handles /auth/* and answers true, or leaves the request alone and answers false. */
  return function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | boolean {
    const match = /^\/auth\/([a-z]+)(\/callback)?$/.exec(url.pathname);
    if (!match || req.method !== "GET") return false;
    const provider = deps.providers[match[1] as TOAuthProvider];
    if (!provider) {
      redirect(res, "/signin?oauth=unavailable");
      return true;
    }
    if (!match[2]) {
      // The state cookie must be set on the host the provider returns to. A browser
      // that came in on another allowed host (127.0.0.1 for localhost) starts over there.
      const publicOrigin = new URL(deps.publicOrigin());
      if (req.headers.host && req.headers.host !== publicOrigin.host) {
        redirect(res, `${publicOrigin.origin}${url.pathname}${url.search}`);
        return true;
      }
      start(provider, url, res);
      return true;
    }
    return callback(provider, url, req, res);
  };
}
