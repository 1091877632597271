import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { describeError } from "../../lib/errors";
import { useRovingList } from "../../lib/use-roving-list";
import { Avatar } from "../../ui/Avatar";
import { PostList } from "../feed/PostList";
import { useMe } from "../auth/use-me";
import { FollowButton } from "./FollowButton";
import { MessageButton } from "../chat/MessageButton";
import { MentorLink } from "../mentoring/MentorLink";
import { PeopleList } from "./PeopleList";
import { useLiveProfile } from "./use-live-profile";
import { QueryState } from "../../ui/QueryState";
import { BlockButton } from "./BlockButton";
import { LoadMore } from "../../ui/LoadMore";

const noFreshIds: ReadonlySet<number> = new Set();

/** /u/<handle>: who they are and what they wrote. Public: no e-mail here, ever. */
export function ProfilePage() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const navigate = useNavigate();
  const me = useMe();
  const utils = trpc.useUtils();
  const [section, setSection] = useState<"posts" | "followers" | "following">("posts");
  const refreshProfile = () => utils.user.profile.invalidate();
  const handle = (useParams().handle ?? "").toLowerCase();
  const profile = trpc.user.profile.useQuery({ handle }, { retry: false });
  const posts = trpc.post.feed.useInfiniteQuery(
    { kind: "latest", authorHandle: handle, limit: 20 },
    { getNextPageParam: (page) => page.nextCursor, enabled: profile.isSuccess },
  );
  useLiveProfile(profile.data?.id ?? null);
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  const open = (id: number) => void navigate(`/posts/${id}`);
  const roving = useRovingList({ ids: items.map((p) => p.id), onOpen: open });

  if (profile.isPending) return <p className="page muted">{t("feed.loading")}</p>;
  if (profile.error) {
    const missing = profile.error.data?.code === "NOT_FOUND";
    return (
      <div className="page">
        <p className="placeholder">
          {missing ? t("profile.notFound", { handle }) : describeError(profile.error, i18n)}
        </p>
      </div>
    );
  }
  const user = profile.data;
  return (
    <div className="page profile">
      <header className="profile__header">
        <Avatar user={user} size={88} />
        <div className="profile__who">
          <h1>{user.displayName}</h1>
          <p className="muted">@{user.handle}</p>
          {user.bio && <p className="profile__bio">{user.bio}</p>}
          <p className="muted small">{t("profile.joined", { date: formatDate(user.joinedAt) })}</p>
        </div>
        <div className="profile__actions">
          {user.isMe ? (
            <Link to="/settings#profile" className="button">
              {t("profile.edit")}
            </Link>
          ) : (
            me.data && (
              <>
                {!user.blockedByMe && <FollowButton profile={user} />}
                {user.followedByMe && !user.blockedByMe && <MessageButton userId={user.id} />}
                <BlockButton user={user} onChange={refreshProfile} />
              </>
            )
          )}
          {user.followsMe && <span className="badge">{t("profile.followsYou")}</span>}
          <MentorLink userId={user.id} />
        </div>
      </header>
      <div className="tabs" role="tablist" aria-label={t("profile.sections")}>
        {(["posts", "followers", "following"] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={section === s} onClick={() => setSection(s)}>
            {t(`profile.tab.${s}`, {
              count: s === "posts" ? user.postCount : s === "followers" ? user.followerCount : user.followingCount,
            })}
          </button>
        ))}
      </div>
      {section !== "posts" ? (
        <PeopleList userId={user.id} side={section} />
      ) : items.length === 0 ? (
        <QueryState query={posts} empty emptyText={t("profile.noPosts")} errorText={t("profile.postsError")} />
      ) : (
        <PostList posts={items} freshIds={noFreshIds} roving={roving} />
      )}
      {section === "posts" && <LoadMore query={posts} />}
    </div>
  );
}
