import type { ServerResponse } from "node:http";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(JSON.stringify(body));
}

/** 303: the browser follows with a GET, whatever the method was. */
export function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader("Location", location);
  res.setHeader("Cache-Control", "no-store");
  res.end();
}

/** Only paths on our own site: no scheme, no host, no `//evil.example`, no backslash tricks. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 500) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\s]/.test(value)) return "/";
  try {
    // Whatever a browser makes of it must still be on our origin.
    const resolved = new URL(value, "http://orgo.invalid");
    if (resolved.origin !== "http://orgo.invalid") return "/";
    const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
    // Dot segments collapse `/.//evil.example` into `//evil.example`, which a browser
    // reads as another host: never hand out a path that starts like one.
    return /^[/\\][/\\]/.test(path) ? "/" : path;
  } catch {
    return "/";
  }
}
