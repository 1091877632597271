import { memo, useEffect, useState } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { Link } from "react-router";
import { remarkPeopleAndTags } from "./remark-people-and-tags";
import type * as HighlightModule from "./highlight";
import { CodeBlock } from "./CodeBlock";
import "./markdown.css";

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
  pre: ({ node: _node, ...props }) => <CodeBlock {...props} />,
  // A wide table scrolls inside itself; the page never scrolls sideways.
  table: ({ node: _node, ...props }) => (
    <div className="markdown__table">
      <table {...props} />
    </div>
  ),
};

/**
 * highlight.js and its grammars are a chunk of their own, loaded by the first text
 * with fenced code: most posts and comments have none, and on a phone evaluating
 * highlight.js with the renderer was one long task of the post page (its TBT).
 * Code shows plain until it arrives, then in colour (no layout moves).
 */
type Highlight = typeof HighlightModule;
let highlight: Highlight | null = null;
let loading: Promise<Highlight> | null = null;
const loadHighlight = () =>
  (loading ??= import("./highlight").then((loaded) => {
    highlight = loaded;
    return loaded;
  }));
const hasFencedCode = (source: string) => source.includes("```") || source.includes("~~~");

/**
 * Markdown as people write it (GFM: tables, task lists, strikethrough), with fenced
 * code highlighted (a language label and a copy button on each block), `@handle`
 * linked to the profile and `#tag` to a search for it, tables that scroll inside themselves. Raw HTML is never rendered: react-markdown drops it unless a
 * raw-HTML plugin is added, and it is not; `javascript:` and other unsafe URLs are
 * removed by its default URL transform.
 */
function MarkdownView({ source }: { source: string }) {
  const needsHighlight = hasFencedCode(source);
  const [loaded, setLoaded] = useState(highlight);
  useEffect(() => {
    if (needsHighlight && !loaded) void loadHighlight().then(setLoaded);
  }, [needsHighlight, loaded]);
  return (
    <div className="markdown">
      <Markdown
        remarkPlugins={[remarkGfm, remarkPeopleAndTags]}
        rehypePlugins={needsHighlight && loaded ? [loaded.highlighterFor(source)] : []}
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
