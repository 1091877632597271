import rehypeHighlight from "rehype-highlight";
import { aliasesOf, grammarsFor } from "./code-languages";

// Highlighters, one per set of languages, made on first use and kept for the page.
// rehype-highlight registers its languages each time it is attached, and react-markdown
// attaches its plugins on every render of every instance (a post and each comment):
// each gets a plugin that hands back a transformer made once, for just the languages
// its text uses (code-languages.ts).
const highlighters = new Map<string, ReturnType<typeof rehypeHighlight>>();

/** The rehype plugin that highlights `source`'s fenced code. */
export function highlighterFor(source: string) {
  const languages = grammarsFor(source);
  const key = Object.keys(languages).sort().join(" ");
  let highlighter = highlighters.get(key);
  if (!highlighter) {
    highlighter = rehypeHighlight({ detect: false, languages, aliases: aliasesOf(languages) });
    highlighters.set(key, highlighter);
  }
  return () => highlighter;
}
