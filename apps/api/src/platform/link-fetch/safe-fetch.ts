import type { LookupFunction } from "node:net";
import got, { type Agents } from "got";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";

/** A page or picture of someone else's site is read in this long, or not at all. */
const TIMEOUT_MS = 5_000;
const MAX_REDIRECTS = 3;
const USER_AGENT = "OrGoBot/1.0 (link previews; +https://github.com/orgo)";
const WEB_PROTOCOLS = new Set(["http:", "https:"]);

/** Why a link was not read: shown to nobody, logged and cached as "failed". */
export class FetchRefused extends Error {}

export interface SafeFetchOptions {
  /** Tests only: a resolver standing in for DNS (a name that resolves to a private address). */
  lookup?: LookupFunction;
  /** Tests only: addresses allowed though not public (the loopback page server of the tests). */
  allowAddresses?: string[];
}

interface FetchedBody {
  /** Where the body came from, after redirects. */
  url: string;
  contentType: string;
  bytes: Buffer;
}

export type SafeFetch = (
  url: string,
  want: { accept: "html" | "image"; maxBytes: number; signal?: AbortSignal },
) => Promise<FetchedBody>;

const ACCEPT = { html: "text/html,application/xhtml+xml;q=0.9", image: "image/*" };
const isHtml = (type: string) => /^(text\/html|application\/xhtml\+xml)\b/i.test(type);

/**
 * GET for server-side reads of links people post, safe against SSRF: only http(s),
 * every connection's address checked after DNS resolution by request-filtering-agent
 * (loopback, private, link-local with the cloud metadata address, and every other
 * non-unicast range refused), on every redirect too (at most 3, each to http(s) only);
 * a time limit for the whole read, a size limit counted on the decompressed bytes, and
 * the expected type (HTML, or a picture) checked before the body is read.
 */
export function createSafeFetch(options: SafeFetchOptions = {}): SafeFetch {
  const filter = { allowIPAddressList: options.allowAddresses ?? [] };
  const agent: Agents = {
    http: new RequestFilteringHttpAgent(filter),
    https: new RequestFilteringHttpsAgent(filter),
  };
  return async (url, want) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FetchRefused("not a URL");
    }
    if (!WEB_PROTOCOLS.has(parsed.protocol)) throw new FetchRefused(`${parsed.protocol} is not http(s)`);
    const stream = got.stream(parsed, {
      agent,
      ...(options.lookup ? { dnsLookup: options.lookup } : {}),
      timeout: { request: TIMEOUT_MS },
      maxRedirects: MAX_REDIRECTS,
      retry: { limit: 0 },
      signal: want.signal,
      headers: { "user-agent": USER_AGENT, accept: ACCEPT[want.accept] },
      hooks: {
        beforeRedirect: [
          (next) => {
            if (!WEB_PROTOCOLS.has(next.url instanceof URL ? next.url.protocol : "")) {
              throw new FetchRefused("a redirect away from http(s)");
            }
          },
        ],
      },
    });
    let final = { url: parsed.toString(), contentType: "" };
    stream.on("response", (response: { url: string; headers: Record<string, string | undefined> }) => {
      const contentType = response.headers["content-type"] ?? "";
      const declared = Number(response.headers["content-length"] ?? 0);
      final = { url: response.url, contentType };
      if (want.accept === "html" && !isHtml(contentType)) stream.destroy(new FetchRefused(`not HTML (${contentType})`));
      else if (want.accept === "image" && !/^image\//i.test(contentType))
        stream.destroy(new FetchRefused("not a picture"));
      else if (declared > want.maxBytes) stream.destroy(new FetchRefused("too large"));
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > want.maxBytes) {
        stream.destroy();
        throw new FetchRefused("too large");
      }
      chunks.push(chunk);
    }
    return { ...final, bytes: Buffer.concat(chunks) };
  };
}
