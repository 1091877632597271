import { Link, useNavigate } from "react-router";
import { useUrlFilters } from "../../lib/use-url-filters";
import { useUuidParam } from "../../lib/route-params";
import { SplitView } from "../../ui/SplitView";
import { mentorLanguages } from "@orgo/api-contract/constants";
import type { TMentorListInput } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { PageNumbers } from "../../ui/PageNumbers";
import { trpc } from "../../lib/trpc";
import { historyFor, useRovingList, type SelectHow } from "../../lib/use-roving-list";
import { useMe } from "../auth/use-me";
import { MentorCard } from "./MentorCard";
import { MentorDetail } from "./MentorDetail";
import { SelectHint } from "../../ui/SelectHint";
import { PageHeader } from "../../ui/PageHeader";
import { QueryState } from "../../ui/QueryState";
import { ListSkeleton } from "../../ui/ListSkeleton";
import "./mentoring.css";

/**
 * /mentors and /mentors/<user id>: the list (filters in the URL, most relevant to me
 * first) beside the selected mentor's detail; j / k and Enter move through the list.
 */
export function MentorsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const selected = useUuidParam("userId");
  const { params, page, oneOf, set } = useUrlFilters();
  const input: TMentorListInput = {
    page,
    topic: params.get("topic") ?? undefined,
    language: oneOf("language", mentorLanguages),
    freeThisWeek: params.get("free") === "1" || undefined,
  };
  const list = trpc.mentoring.list.useQuery(input, { placeholderData: (previous) => previous });
  const topics = trpc.mentoring.topics.useQuery(undefined, { staleTime: 60_000 });
  const items = list.data?.items ?? [];
  const open = (userId: string, how: SelectHow) =>
    void navigate({ pathname: `/mentors/${userId}`, search: params.toString() }, historyFor(how, selected !== null));
  const roving = useRovingList({ ids: items.map((m) => m.user.id), selected, onSelect: open });

  return (
    <SplitView
      id="mentors"
      className="mentors"
      listSize={40}
      listMin={26}
      showDetail={selected !== null}
      back={{
        label: t("mentors.title"),
        onBack: () => void navigate({ pathname: "/mentors", search: params.toString() }),
      }}
      list={
        <>
          <PageHeader
            title={t("mentors.title")}
            titleId="mentors-title"
            actions={
              me.data && (
                <Link to="/mentoring" className="button">
                  {t("nav.mentoring")}
                </Link>
              )
            }
          />
          <div className="pane__scroll mentors__list" aria-labelledby="mentors-title">
            <div className="filters">
              <label>
                {t("mentors.filter.topic")}{" "}
                <select value={input.topic ?? ""} onChange={(e) => set("topic", e.target.value || null)}>
                  <option value="">{t("mentors.filter.all")}</option>
                  {topics.data?.map((topic) => (
                    <option key={topic.tag} value={topic.tag}>
                      #{topic.tag} ({topic.count})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("mentors.filter.language")}{" "}
                <select value={input.language ?? ""} onChange={(e) => set("language", e.target.value || null)}>
                  <option value="">{t("mentors.filter.all")}</option>
                  {mentorLanguages.map((l) => (
                    <option key={l} value={l}>
                      {t(`language.${l}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="choice__option">
                <input
                  type="checkbox"
                  checked={Boolean(input.freeThisWeek)}
                  onChange={(e) => set("free", e.target.checked ? "1" : null)}
                />
                {t("mentors.filter.free")}
              </label>
            </div>
            {list.isSuccess && <p className="muted small">{t("mentors.total", { count: list.data.total })}</p>}
            <ul className="mentor-list" data-testid="mentors" aria-label={t("mentors.title")} {...roving.listProps}>
              {items.map((mentor) => (
                <li
                  key={mentor.user.id}
                  className={`card mentor-list__item${selected === mentor.user.id ? " mentor-list__item--selected" : ""}`}
                  {...roving.rowProps(mentor.user.id)}
                >
                  <MentorCard mentor={mentor} />
                </li>
              ))}
            </ul>
            <QueryState
              query={list}
              empty={items.length === 0}
              emptyText={t("mentors.none")}
              errorText={t("mentors.loadError")}
              skeleton={<ListSkeleton shape="card" layout="mentor-list" rows={4} />}
            />
            <PageNumbers
              page={input.page}
              pageCount={list.data?.pageCount ?? 0}
              onPage={(page) => set("page", String(page))}
            />
            {me.data && (
              <p className="small">
                <Link to="/settings/mentoring">{t("mentors.becomeMentor")}</Link>
              </p>
            )}
          </div>
        </>
      }
      detail={
        <div className="pane__scroll mentors__detail">
          {selected ? (
            <MentorDetail key={selected} userId={selected} />
          ) : (
            <SelectHint count={items.length} text={t("mentors.selectHint")} />
          )}
        </div>
      }
    />
  );
}
