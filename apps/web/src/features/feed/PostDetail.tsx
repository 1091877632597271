import type { TPostSummary } from "@orgo/api-contract/schemas";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { Avatar } from "../../ui/Avatar";

export function PostDetail({ post }: { post: TPostSummary }) {
  const { t, formatDate } = useI18n();
  return (
    <article className="detail" aria-labelledby="post-title">
      <h1 id="post-title" className="detail__title">
        {post.title}
      </h1>
      <div className="detail__meta">
        <Avatar user={post.author} size={28} />
        <Link to={`/u/${post.author.handle}`} className="detail__author">
          {t("post.by", { name: post.author.displayName })} <span className="muted">@{post.author.handle}</span>
        </Link>
        <time dateTime={post.createdAt.toISOString()}>{formatDate(post.createdAt)}</time>
      </div>
      {/* Plain text for now: Markdown rendering comes with the community issue. */}
      <div className="detail__body">{post.body}</div>
    </article>
  );
}
