import type { TPostSummary } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";

export function PostList(props: {
  posts: TPostSummary[];
  selectedId: number | null;
  freshIds: ReadonlySet<number>;
  onSelect: (id: number) => void;
}) {
  const { t, formatDate } = useI18n();
  return (
    <ul className="list" role="listbox" aria-label={t("feed.title")} data-testid="post-list">
      {props.posts.map((post) => (
        <li
          key={post.id}
          role="option"
          aria-selected={post.id === props.selectedId}
          data-list-id={post.id}
          className={`list__item${post.id === props.selectedId ? " is-selected" : ""}${props.freshIds.has(post.id) ? " is-fresh" : ""}`}
          onClick={() => props.onSelect(post.id)}
        >
          <div className="list__title">{post.title}</div>
          <div className="list__meta">
            <span>{post.author.displayName}</span>
            <span className="muted">@{post.author.handle}</span>
            <time dateTime={post.createdAt.toISOString()}>{formatDate(post.createdAt)}</time>
          </div>
          <div className="list__excerpt">{post.body.slice(0, 140)}</div>
        </li>
      ))}
    </ul>
  );
}
