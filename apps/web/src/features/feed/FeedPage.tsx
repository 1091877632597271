import { useDeferredValue, useMemo, useRef } from "react";
import { useLocation, useNavigate } from "react-router";
import { idIn, useIdParam } from "../../lib/route-params";
import { SplitView } from "../../ui/SplitView";
import { useI18n } from "../../i18n/i18n";
import { useUi } from "../../lib/ui-state";
import { historyFor, useRovingList, type SelectHow } from "../../lib/use-roving-list";
import { useLiveFeed } from "./use-live-feed";
import { PostList } from "./PostList";
import { PostPane } from "./PostPane";
import { Welcome } from "./Welcome";
import { Recommended } from "./Recommended";
import { MentoringPanel } from "../mentoring/MentoringPanel";
import { useFeedKind } from "./use-feed-kind";
import { useIsVisitor, useMe } from "../auth/use-me";
import { feedKinds } from "@orgo/api-contract/constants";
import { LoadMore } from "../../ui/LoadMore";
import { ListSkeleton } from "../../ui/ListSkeleton";
import { QueryState } from "../../ui/QueryState";
import { SelectHint } from "../../ui/SelectHint";
import { PhoneAction } from "../../ui/PhoneAction";
import { PenLine } from "lucide-react";
import { PageHeader } from "../../ui/PageHeader";
import "./feed.css";

export function FeedPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const selectedId = useIdParam("postId");
  const { filter, setComposerOpen } = useUi();
  const me = useMe();
  const visitor = useIsVisitor();
  const [kind, setKind] = useFeedKind(Boolean(me.data));
  const { query, posts, freshIds, pending, showPending } = useLiveFeed(kind);
  const listScroll = useRef<HTMLDivElement>(null);

  const visible = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    if (!needle) return posts;
    return posts.filter((p) =>
      [p.title, p.excerpt, p.author.displayName, p.author.handle].some((field) =>
        field.toLocaleLowerCase().includes(needle),
      ),
    );
  }, [posts, filter]);
  // When the posts arrive (or a filter changes them), the rows render in a transition
  // React may pause between rows; the list shows the previous rows meanwhile.
  const shown = useDeferredValue(visible);
  // The first rows are on their way: still "loading", no end-of-list line above them.
  const arriving = shown !== visible && shown.length === 0;
  const selected = posts.find((p) => p.id === selectedId) ?? null;
  const { search, hash } = useLocation();
  // The feed's tab (?feed=) goes along, so Back from a post returns to the same list.
  const select = (id: number, how: SelectHow) =>
    void navigate({ pathname: `/posts/${id}`, search }, historyFor(how, selectedId !== null));
  const roving = useRovingList({ ids: visible.map((p) => p.id), selected: selectedId, onSelect: select });

  return (
    <SplitView
      id="feed"
      showDetail={selectedId !== null}
      back={{ label: t(`feed.kind.${kind}`), onBack: () => void navigate({ pathname: "/", search }) }}
      list={
        <>
          {visitor && <Welcome />}
          {/* The visitor's page has its h1 in the welcome above. The tabs below say
              which list it is ("Latest" above a "Latest" tab said it twice). */}
          <PageHeader title={t("nav.feed")} level={visitor ? 2 : 1} />
          <div className="feed-tabs" role="tablist" aria-label={t("feed.kinds")}>
            {feedKinds
              .filter((k) => k !== "following" || me.data)
              .map((k) => (
                <button key={k} type="button" role="tab" aria-selected={kind === k} onClick={() => setKind(k)}>
                  {t(`feed.kind.${k}`)}
                </button>
              ))}
          </div>
          <div className="pane__scroll" ref={listScroll}>
            {pending > 0 && (
              <button
                type="button"
                className="new-posts"
                onClick={() => {
                  showPending();
                  listScroll.current?.scrollTo({ top: 0 });
                }}
              >
                {t("feed.newPosts", { count: pending })}
              </button>
            )}
            {arriving ? (
              <ListSkeleton />
            ) : (
              <QueryState
                query={query}
                empty={posts.length === 0}
                emptyText={t(kind === "following" ? "feed.emptyFollowing" : "feed.empty")}
                errorText={t("feed.error")}
              />
            )}
            {filter && visible.length === 0 && posts.length > 0 && (
              <p className="placeholder">{t("feed.noMatch", { query: filter })}</p>
            )}
            <PostList posts={shown} freshIds={freshIds} roving={roving} />
            {me.data && <PhoneAction label={t("composer.open")} icon={PenLine} onClick={() => setComposerOpen(true)} />}
            {arriving ? null : query.hasNextPage ? (
              <LoadMore query={query} />
            ) : (
              query.isSuccess && posts.length > 0 && <p className="placeholder muted">{t("feed.end")}</p>
            )}
          </div>
        </>
      }
      detail={
        <div className="pane__scroll">
          {selectedId !== null ? (
            <PostPane postId={selectedId} initial={selected ?? undefined} commentId={commentInAddress(hash)} />
          ) : (
            <>
              <SelectHint count={visible.length} text={t("feed.selectHint")} className="placeholder" />
              <Recommended onOpen={(id) => select(id, "open")} />
              <MentoringPanel />
            </>
          )}
        </div>
      }
    />
  );
}

/** `#comment-<id>`, where a notification (or a shared link) points into a post. */
function commentInAddress(hash: string): number | null {
  return hash.startsWith("#comment-") ? idIn(hash.slice("#comment-".length)) : null;
}
