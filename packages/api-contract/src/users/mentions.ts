import { proseOf } from "../common/markdown-prose.js";

/**
 * `@handle` mentions. A handle is 3–30 of a-z, 0-9 and _ (see ZHandle); a mention is
 * one not glued to a word, an e-mail address or a path before it ("me@orgo.dev" and
 * "x/@y" are not mentions). Code spans and fenced blocks are not scanned: `@types`
 * in code mentions nobody. The server notifies with it; the client links with the
 * same pattern, so what is linked is what notified.
 */
/** A whole handle, as ZHandle keeps it (lower case): what an address's /u/<handle> must be. */
export const HANDLE_PATTERN = /^[a-z0-9_]{3,30}$/;

export const MENTION_PATTERN = /(?<![\w@./-])@([A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])/g;

/** Most people one post, comment or message can notify: a list of 200 handles is spam. */
export const MAX_MENTIONS = 10;

/** The handles mentioned in Markdown text, lower-cased, each once, in order, at most MAX_MENTIONS. */
export function mentionedHandles(markdown: string): string[] {
  const prose = proseOf(markdown);
  const handles: string[] = [];
  for (const match of prose.matchAll(MENTION_PATTERN)) {
    const handle = match[1]!.toLowerCase();
    if (!handles.includes(handle)) handles.push(handle);
    if (handles.length === MAX_MENTIONS) break;
  }
  return handles;
}
