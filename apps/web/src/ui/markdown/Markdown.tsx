import { lazy, Suspense } from "react";

// The renderer and its highlighter load on first use, keeping them out of the first paint.
const MarkdownView = lazy(() => import("./MarkdownView"));

/** Rendered Markdown; the plain text shows while the renderer loads. */
export function Markdown({ source }: { source: string }) {
  return (
    <Suspense fallback={<div className="markdown markdown--loading">{source}</div>}>
      <MarkdownView source={source} />
    </Suspense>
  );
}
