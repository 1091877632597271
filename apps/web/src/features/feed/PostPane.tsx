import { Suspense } from "react";
import type { TPostSummary } from "@orgo/api-contract/schemas";
import { lazyPage } from "../../app/lazy-page";
import { useI18n } from "../../i18n/i18n";

// The open post (comments, their composer, Markdown) is a chunk of its own: a list
// paints first.
const PostDetail = lazyPage(() => import("./PostDetail"), "PostDetail");

/** A post in a detail pane, wherever a list opens one (feed, profile, search, notifications). */
export function PostPane({ postId, initial }: { postId: number; initial?: TPostSummary }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p className="placeholder muted">{t("feed.loading")}</p>}>
      <PostDetail key={postId} postId={postId} initial={initial} />
    </Suspense>
  );
}
