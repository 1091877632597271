import { Heart, MessageSquare } from "lucide-react";
import type { TPostSummary } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { Avatar } from "../../ui/Avatar";
import { RelativeTime } from "../../ui/RelativeTime";
import type { useRovingList } from "../../lib/use-roving-list";
import "./feed.css";

type Roving = ReturnType<typeof useRovingList<number>>;

/** The feed's rows: who, when ("2h"), the title, a plain-text excerpt, likes and comments. */
export function PostList(props: { posts: TPostSummary[]; freshIds: ReadonlySet<number>; roving: Roving }) {
  const { t } = useI18n();
  return (
    <ul className="list" aria-label={t("feed.title")} data-testid="post-list" {...props.roving.listProps}>
      {props.posts.map((post) => (
        <PostRow
          key={post.id}
          post={post}
          selected={post.id === props.roving.active}
          fresh={props.freshIds.has(post.id)}
          rowProps={props.roving.rowProps(post.id)}
        />
      ))}
    </ul>
  );
}

/** One row: a component of its own, so React can pause between rows in a transition. */
function PostRow(props: {
  post: TPostSummary;
  selected: boolean;
  fresh: boolean;
  rowProps: ReturnType<Roving["rowProps"]>;
}) {
  const { t } = useI18n();
  const { post } = props;
  const picture = post.images[0];
  return (
    <li
      className={`list__item post-row${props.selected ? " is-selected" : ""}${props.fresh ? " is-fresh" : ""}`}
      {...props.rowProps}
    >
      <Avatar user={post.author} size={36} />
      <div className="post-row__body">
        <div className="list__meta">
          <span className="post-row__name">{post.author.displayName}</span>
          <span className="muted">@{post.author.handle}</span>
          <RelativeTime date={post.createdAt} />
        </div>
        <div className="list__title">
          {post.title}
          {post.moderation && (
            <span className="badge badge--hidden">
              {t(post.moderation.heldForReview ? "moderation.heldBadge" : "moderation.hiddenBadge")}
            </span>
          )}
        </div>
        <div className="list__excerpt">{post.excerpt}</div>
        <div className="post-row__counts muted">
          <span title={t("post.likeCount", { count: post.likeCount })} aria-hidden>
            <Heart size={14} /> {post.likeCount}
          </span>
          <span title={t("post.commentCount", { count: post.commentCount })} aria-hidden>
            <MessageSquare size={14} /> {post.commentCount}
          </span>
          <span className="visually-hidden">
            {t("post.likeCount", { count: post.likeCount })}, {t("post.commentCount", { count: post.commentCount })}
          </span>
        </div>
      </div>
      {picture && (
        // The post's first picture, small; the open post shows them all (and says what they are).
        <img
          className="post-row__thumb"
          src={picture.thumbUrl}
          alt=""
          width={64}
          height={64}
          loading="lazy"
          decoding="async"
          data-testid="post-thumb"
        />
      )}
    </li>
  );
}
