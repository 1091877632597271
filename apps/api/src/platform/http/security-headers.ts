import type { ServerResponse } from "node:http";

/**
 * The one inline script allowed: index.html's first-paint script (theme, language,
 * signed-in hint). A test recomputes this from apps/web/index.html and fails when the
 * script changes without it.
 */
export const BOOT_SCRIPT_HASH = "sha256-yer+Q292GUhL64Qt4EUSKiYJMv4MBznID+YE20UHEt4=";

const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' '${BOOT_SCRIPT_HASH}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // 'self' covers ws:/wss: to our own host (CSP 3); a bare `ws: wss:` would allow any host.
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

/** Two years, subdomains included: the value HSTS preload lists ask for. */
const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The one source of truth for the headers every response carries, whether the API
 * answers or nginx serves the client from disk: `deploy/orgo/security-headers.conf`
 * is generated from this list (`pnpm --filter @orgo/api nginx-headers`) and a test
 * fails when the two differ.
 */
export function securityHeaders(options: { https: boolean }): [name: string, value: string][] {
  const headers: [string, string][] = [
    ["Content-Security-Policy", contentSecurityPolicy],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
  ];
  // Only over https: a browser ignores HSTS on plain http, and localhost must stay reachable.
  if (options.https) headers.push(["Strict-Transport-Security", HSTS]);
  return headers;
}

export function createSecurityHeaderSetter(options: { https: boolean }): (res: ServerResponse) => void {
  const headers = securityHeaders(options);
  return (res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
  };
}

/**
 * The nginx include with the same headers (`always`: on error pages too); over https
 * by default (deploy/nginx.conf), plain http for the one-machine stack.
 */
export function nginxSecurityHeaders(options = { https: true }): string {
  const lines = securityHeaders(options).map(([name, value]) => `add_header ${name} "${value}" always;`);
  return [
    "# Generated from apps/api/src/http/security-headers.ts by `pnpm --filter @orgo/api nginx-headers`;",
    "# a test fails when this file and the API's headers differ. Include it in every",
    "# location that sets headers of its own (nginx then drops the server-level ones).",
    ...lines,
    "",
  ].join("\n");
}
