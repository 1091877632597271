import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeHighlight from "rehype-highlight";

/**
 * Links open in a new tab and tell search engines and the target nothing about us
 * (`noopener nofollow ugc`): the text is written by users.
 */
const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener nofollow ugc" />,
  // An image whose URL was unsafe (and so removed) is not drawn at all.
  img: ({ node: _node, ...props }) => (props.src ? <img {...props} loading="lazy" alt={props.alt ?? ""} /> : null),
};

/**
 * Markdown as people write it (GFM: tables, task lists, strikethrough), with fenced
 * code highlighted. Raw HTML is never rendered: react-markdown drops it unless a
 * raw-HTML plugin is added, and it is not; `javascript:` and other unsafe URLs are
 * removed by its default URL transform.
 */
export default function MarkdownView({ source }: { source: string }) {
  return (
    <div className="markdown">
      <Markdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeHighlight, { detect: false }]]}
        components={components}
      >
        {source}
      </Markdown>
    </div>
  );
}
