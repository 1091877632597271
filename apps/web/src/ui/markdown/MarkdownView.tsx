import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeHighlight from "rehype-highlight";
import { Link } from "react-router";
import { remarkMentions } from "./remark-mentions";

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

/**
 * Markdown as people write it (GFM: tables, task lists, strikethrough), with fenced
 * code highlighted and `@handle` linked to the profile. Raw HTML is never rendered: react-markdown drops it unless a
 * raw-HTML plugin is added, and it is not; `javascript:` and other unsafe URLs are
 * removed by its default URL transform.
 */
export default function MarkdownView({ source }: { source: string }) {
  return (
    <div className="markdown">
      <Markdown
        remarkPlugins={[remarkGfm, remarkMentions]}
        rehypePlugins={[[rehypeHighlight, { detect: false }]]}
        components={components}
      >
        {source}
      </Markdown>
    </div>
  );
}
