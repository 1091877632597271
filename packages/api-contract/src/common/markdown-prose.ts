/**
 * Markdown text without its code: fenced blocks and code spans become a space. What a
 * person wrote in prose (a mention, a link to preview) is looked for here: `@types` or a
 * URL inside code is code, not a mention or a link.
 */
export function proseOf(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1[^\n]*$|(?![\s\S]))/gm, " ").replace(/`[^`\n]*`/g, " ");
}

/**
 * An http(s) URL in prose, up to a space or a character that closes it in text or
 * Markdown (an IPv6 host keeps its brackets).
 */
const LINK_PATTERN = /\bhttps?:\/\/(?:\[[0-9a-f:.]+\])?[^\s<>"'`()[\]{}]*/i;
/** Punctuation that ends a sentence, not the URL ("see https://x.dev/a." links to /a). */
const TRAILING = /[.,;:!?]+$/;

/** The first http(s) link of a message's prose (the one its preview shows), normalised; null when none. */
export function firstLinkOf(markdown: string): string | null {
  const match = LINK_PATTERN.exec(proseOf(markdown));
  if (!match) return null;
  try {
    const url = new URL(match[0].replace(TRAILING, ""));
    url.hash = "";
    return url.toString();
  } catch {
    return null;
  }
}
