import { memo } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeHighlight from "rehype-highlight";
import { Link } from "react-router";
import { remarkMentions } from "./remark-mentions";
import { aliasesOf, grammarsFor } from "./code-languages";

/**
 * Links open in a new tab and tell search engines and the target nothing about us
 * (`noopener nofollow ugc`): the text is written by users.
 */
const components: Components = {
  a: ({ node: _node, href, ...props }) =>
    // Our own pages (mentions) open in place, through the router.
    href?.startsWith("/") && !href.startsWith("//") ? (
      <Link to={href} className={props.className}>
        {props.children}
      </Link>
    ) : (
      <a {...props} href={href} target="_blank" rel="noopener nofollow ugc" />
    ),
  // An image whose URL was unsafe (and so removed) is not drawn at all.
  img: ({ node: _node, ...props }) => (props.src ? <img {...props} loading="lazy" alt={props.alt ?? ""} /> : null),
};

// Highlighters, one per set of languages, made on first use and kept for the page.
// rehype-highlight registers its languages each time it is attached, and react-markdown
// attaches its plugins on every render of every instance (a post and each comment):
// each gets a plugin that hands back a transformer made once, for just the languages
// its text uses (code-languages.ts).
const highlighters = new Map<string, ReturnType<typeof rehypeHighlight>>();
function highlighterFor(source: string) {
  const languages = grammarsFor(source);
  const key = Object.keys(languages).sort().join(" ");
  let highlighter = highlighters.get(key);
  if (!highlighter) {
    highlighter = rehypeHighlight({ detect: false, languages, aliases: aliasesOf(languages) });
    highlighters.set(key, highlighter);
  }
  return () => highlighter;
}

/**
 * Markdown as people write it (GFM: tables, task lists, strikethrough), with fenced
 * code highlighted and `@handle` linked to the profile. Raw HTML is never rendered: react-markdown drops it unless a
 * raw-HTML plugin is added, and it is not; `javascript:` and other unsafe URLs are
 * removed by its default URL transform.
 */
function MarkdownView({ source }: { source: string }) {
  return (
    <div className="markdown">
      <Markdown
        remarkPlugins={[remarkGfm, remarkMentions]}
        rehypePlugins={[highlighterFor(source)]}
        components={components}
      >
        {source}
      </Markdown>
    </div>
  );
}

// Parsing is the costly part: a parent's re-render (a like, a live count) with the
// same text does not parse again.
export default memo(MarkdownView);
