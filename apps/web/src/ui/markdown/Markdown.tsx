import { lazy, Suspense, useDeferredValue } from "react";
import "./markdown.css";

// The renderer and its highlighter load on first use, keeping them out of the first paint.
const MarkdownView = lazy(() => import("./MarkdownView"));

/**
 * Rendered Markdown; the plain text shows while the renderer loads. Parsing waits for
 * a transition (the text shows plain in the meantime): a post with its comments, or a
 * chat room's history, is parsed one message at a time with the browser free between
 * them, never as one long task when the data arrives.
 */
export function Markdown({ source }: { source: string }) {
  const parsed = useDeferredValue<string | null>(source, null);
  const plain = <div className="markdown markdown--loading">{source}</div>;
  if (parsed !== source) return plain;
  return (
    <Suspense fallback={plain}>
      <MarkdownView source={parsed} />
    </Suspense>
  );
}
