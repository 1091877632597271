// Substring matching shared by every search (posts, people, studies, chat messages).

const SNIPPET_CHARS = 160;

/** The term with its own % _ \ taken literally by LIKE. */
export const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%term%` for LIKE. */
export function likePattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** The part of the text around the first match, so the reader sees why it matched. */
export function snippetOf(text: string, term: string): string {
  const at = text.toLowerCase().indexOf(term);
  const start = at < 0 ? 0 : Math.max(0, at - Math.floor((SNIPPET_CHARS - term.length) / 2));
  const part = text.slice(start, start + SNIPPET_CHARS).replace(/\s+/g, " ");
  return `${start > 0 ? "…" : ""}${part}${start + SNIPPET_CHARS < text.length ? "…" : ""}`;
}
