import type { TPostSummary } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";

export function PostDetail({ post }: { post: TPostSummary }) {
  const { t, formatDate } = useI18n();
  return (
    <article className="detail" aria-labelledby="post-title">
      <h1 id="post-title" className="detail__title">
        {post.title}
      </h1>
      <div className="detail__meta">
        <span className="avatar" aria-hidden>
          {post.author.displayName.slice(0, 1)}
        </span>
        <span>{t("post.by", { name: post.author.displayName })}</span>
        <span className="muted">@{post.author.handle}</span>
        <time dateTime={post.createdAt.toISOString()}>{formatDate(post.createdAt)}</time>
      </div>
      {/* Plain text for now: Markdown rendering comes with the community issue. */}
      <div className="detail__body">{post.body}</div>
    </article>
  );
}
