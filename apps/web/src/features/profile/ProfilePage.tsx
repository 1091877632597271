import { useState } from "react";
import { useNavigate } from "react-router";
import { useHandleParam, useIdParam } from "../../lib/route-params";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { describeError } from "../../i18n/describe-error";
import { historyFor, useRovingList, type SelectHow } from "../../lib/use-roving-list";
import { PostList } from "../feed/PostList";
import { PostPane } from "../feed/PostPane";
import { PeopleList } from "./PeopleList";
import { ProfileHeader } from "./ProfileHeader";
import { useLiveProfile } from "./use-live-profile";
import { QueryState } from "../../ui/QueryState";
import { LoadMore } from "../../ui/LoadMore";
import { SplitView } from "../../ui/SplitView";
import { SelectHint } from "../../ui/SelectHint";

const noFreshIds: ReadonlySet<number> = new Set();

/**
 * /u/<handle> and /u/<handle>/posts/<id>: who they are and what they wrote, with the
 * post open beside the list. Public: no e-mail here, ever.
 */
export function ProfilePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const [section, setSection] = useState<"posts" | "followers" | "following">("posts");
  const refreshProfile = () => utils.user.profile.invalidate();
  const handle = useHandleParam("handle");
  const selected = useIdParam("postId");
  const profile = trpc.user.profile.useQuery({ handle }, { retry: false });
  const posts = trpc.post.feed.useInfiniteQuery(
    { kind: "latest", authorHandle: handle, limit: 20 },
    { getNextPageParam: (page) => page.nextCursor, enabled: profile.isSuccess },
  );
  useLiveProfile(profile.data?.id ?? null);
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  const open = (id: number, how: SelectHow) =>
    void navigate(`/u/${handle}/posts/${id}`, historyFor(how, selected !== null));
  const roving = useRovingList({ ids: items.map((p) => p.id), selected, onSelect: open });

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
    <SplitView
      id="profile"
      listSize={45}
      showDetail={selected !== null}
      back={{ label: user.displayName, onBack: () => void navigate(`/u/${handle}`) }}
      detail={
        <div className="pane__scroll">
          {selected !== null ? (
            <PostPane postId={selected} initial={items.find((p) => p.id === selected)} />
          ) : (
            <SelectHint count={items.length} text={t("feed.selectHint")} />
          )}
        </div>
      }
      list={
        <div className="pane__scroll page profile">
          <ProfileHeader user={user} onChange={() => void refreshProfile()} />
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
      }
    />
  );
}
