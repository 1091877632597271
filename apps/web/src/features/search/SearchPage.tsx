import { useEffect, useState, type FormEvent } from "react";
import "../studies/study-messages";
import { Link } from "react-router";
import { useUrlFilters } from "../../lib/use-url-filters";
import { studyStatusKey } from "../studies/StudyBadges";
import { searchKinds } from "@orgo/api-contract/constants";
import type { TSearchKind } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { historyFor, useRovingList, type SelectHow } from "../../lib/use-roving-list";
import { Avatar } from "../../ui/Avatar";
import { Highlight } from "../../ui/Highlight";
import { MentorCard } from "../mentoring/MentorCard";
import { MentorDetail } from "../mentoring/MentorDetail";
import { QueryState } from "../../ui/QueryState";
import { SplitView } from "../../ui/SplitView";
import { PostPane } from "../feed/PostPane";
import { ProfileSummary } from "../profile/ProfileSummary";
import { StudyPage } from "../studies/StudyPage";
import { plainExcerpt } from "@orgo/api-contract/constants";
import "./search.css";

const PAGE = 20;

/**
 * /search?q=…&tab=posts|people|studies|mentors&open=…: ranked results per kind with
 * counts (trending terms when empty), the open result beside them — the post, the
 * person, the study or the mentor — as the address says, so Back finds it again.
 */
export function SearchPage() {
  const { t } = useI18n();
  const { params, setParams, page, oneOf } = useUrlFilters();
  const q = (params.get("q") ?? "").trim();
  const tab: TSearchKind = oneOf("tab", searchKinds) ?? "posts";
  const opened = params.get("open");
  const [typed, setTyped] = useState(q);
  const enabled = q.length > 0;
  const counts = trpc.search.counts.useQuery({ q }, { enabled });
  const posts = trpc.search.posts.useQuery({ q, page, limit: PAGE }, { enabled: enabled && tab === "posts" });
  const people = trpc.search.people.useQuery({ q, page, limit: PAGE }, { enabled: enabled && tab === "people" });
  const studies = trpc.search.studies.useQuery({ q, page, limit: PAGE }, { enabled: enabled && tab === "studies" });
  const mentors = trpc.search.mentors.useQuery({ q, page, limit: PAGE }, { enabled: enabled && tab === "mentors" });
  const trending = trpc.search.trending.useQuery(undefined, { enabled: !enabled, staleTime: 60_000 });
  const record = trpc.search.record.useMutation();
  const { mutate } = record;
  // One count per search people submit (not per page or tab change): it feeds trending.
  useEffect(() => {
    if (q) mutate({ q });
  }, [q, mutate]);

  const go = (next: Record<string, string>) => setParams({ q, tab, ...next });
  const open = (key: string, how: SelectHow) =>
    setParams({ q, tab, ...(page > 1 ? { page: String(page) } : {}), open: key }, historyFor(how, opened !== null));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) setParams({ q: typed.trim(), tab });
  };
  const total =
    {
      posts: posts.data?.total,
      people: people.data?.total,
      studies: studies.data?.total,
      mentors: mentors.data?.total,
    }[tab] ?? 0;
  const pages = Math.ceil(total / PAGE);
  // Every tab's rows by the key the address names them with (?open=…).
  const keys: string[] =
    {
      posts: posts.data?.items.map((p) => String(p.id)),
      people: people.data?.items.map((p) => p.handle),
      mentors: mentors.data?.items.map((m) => m.user.id),
      studies: studies.data?.items.map((s) => String(s.id)),
    }[tab] ?? [];
  // Moving the highlight opens beside, as on the feed.
  const roving = useRovingList({ ids: keys, selected: opened, onSelect: open });
  const row = (key: string, className = "list__item") => ({
    ...roving.rowProps(key),
    className: `${className}${key === roving.active ? " is-selected" : ""}`,
  });

  const detail =
    opened === null ? (
      <p className="placeholder muted">{t(enabled ? "search.selectHint" : "search.startHint")}</p>
    ) : tab === "posts" ? (
      <PostPane postId={Number(opened)} />
    ) : tab === "people" ? (
      <ProfileSummary key={opened} handle={opened} />
    ) : tab === "studies" ? (
      <StudyPage key={opened} studyId={Number(opened)} />
    ) : (
      <MentorDetail key={opened} userId={opened} />
    );
  return (
    <SplitView
      id="search"
      listSize={42}
      showDetail={opened !== null}
      back={{
        label: t("search.results"),
        onBack: () => setParams({ q, tab, ...(page > 1 ? { page: String(page) } : {}) }),
      }}
      detail={<div className="pane__scroll">{detail}</div>}
      list={
        <div className="pane__scroll page search">
          <h1 className="visually-hidden">{t("nav.search")}</h1>
          <form onSubmit={submit} className="search__form" role="search">
            <input
              type="search"
              className="control"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder={t("search.placeholderFull")}
              aria-label={t("search.placeholderFull")}
              maxLength={100}
              autoFocus
            />
            <button type="submit" className="button button--primary">
              {t("search.submit")}
            </button>
          </form>
          {!enabled ? (
            <section aria-labelledby="trending-title">
              <h2 id="trending-title" className="section-title">
                {t("search.trending")}
              </h2>
              {trending.data?.length ? (
                <ol className="trending" data-testid="trending">
                  {trending.data.map((term) => (
                    <li key={term.term}>
                      <Link to={`/search?q=${encodeURIComponent(term.term)}`}>{term.term}</Link>{" "}
                      <span className="muted small">{t("search.times", { count: term.count })}</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="muted">{t("search.noTrending")}</p>
              )}
            </section>
          ) : (
            <>
              <div className="tabs" role="tablist" aria-label={t("search.kinds")}>
                {searchKinds.map((kind) => (
                  <button
                    key={kind}
                    type="button"
                    role="tab"
                    aria-selected={tab === kind}
                    onClick={() => go({ tab: kind })}
                  >
                    {t(`search.kind.${kind}`)} <span className="badge">{counts.data?.[kind] ?? "…"}</span>
                  </button>
                ))}
              </div>
              <ul
                className="list"
                data-testid="search-results"
                aria-label={t(`search.kind.${tab}`)}
                {...roving.listProps}
              >
                {tab === "posts" &&
                  posts.data?.items.map((hit) => (
                    <li key={hit.id} {...row(String(hit.id))}>
                      <div className="list__title">
                        <Highlight text={hit.title} term={q} />
                      </div>
                      <div className="list__meta">
                        <span>{hit.author.displayName}</span>
                        <span className="muted">@{hit.author.handle}</span>
                      </div>
                      <div className="list__excerpt">
                        {/* As the feed's excerpts: what the post reads, without its Markdown marks. */}
                        <Highlight text={plainExcerpt(hit.snippet, Infinity)} term={q} />
                      </div>
                    </li>
                  ))}
                {tab === "people" &&
                  people.data?.items.map((person) => (
                    <li key={person.id} {...row(person.handle, "list__item person")}>
                      <Avatar user={person} size={32} />
                      <div>
                        <div className="list__title">
                          <Highlight text={person.displayName} term={q} />
                        </div>
                        <div className="muted small">
                          @<Highlight text={person.handle} term={q} />
                        </div>
                        {person.bio && <div className="list__excerpt">{person.bio}</div>}
                      </div>
                    </li>
                  ))}
                {tab === "mentors" &&
                  mentors.data?.items.map((mentor) => (
                    <li key={mentor.user.id} {...row(mentor.user.id)}>
                      <MentorCard mentor={mentor} />
                    </li>
                  ))}
                {tab === "studies" &&
                  studies.data?.items.map((study) => (
                    <li key={study.id} {...row(String(study.id))}>
                      <div className="list__title">
                        <Highlight text={study.title} term={q} />
                      </div>
                      <div className="list__meta">
                        <span className="badge">{t(studyStatusKey(study))}</span>
                        <span>{t("study.seats", { members: study.memberCount, capacity: study.capacity })}</span>
                        <span className="muted">{study.tags.map((tag) => `#${tag}`).join(" ")}</span>
                      </div>
                    </li>
                  ))}
              </ul>
              <QueryState
                query={{ posts, people, studies, mentors }[tab]}
                empty={total === 0}
                emptyText={t("search.none", { q })}
                errorText={t("search.loadError")}
              />
              {pages > 1 && (
                <nav className="pager" aria-label={t("search.pages")}>
                  <button
                    type="button"
                    className="button"
                    disabled={page <= 1}
                    onClick={() => go({ page: String(page - 1) })}
                  >
                    ←
                  </button>
                  <span className="muted small">{t("search.pageOf", { page, pages })}</span>
                  <button
                    type="button"
                    className="button"
                    disabled={page >= pages}
                    onClick={() => go({ page: String(page + 1) })}
                  >
                    →
                  </button>
                </nav>
              )}
            </>
          )}
        </div>
      }
    />
  );
}
