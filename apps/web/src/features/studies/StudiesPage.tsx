import { Link, useLocation, useNavigate } from "react-router";
import { useUrlFilters } from "../../lib/use-url-filters";
import "./study-messages";
import { NextSession } from "./StudySchedule";
import { useIdParam } from "../../lib/route-params";
import { studyStatuses } from "@orgo/api-contract/constants";
import type { TStudyListInput } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { PageNumbers } from "../../ui/PageNumbers";
import { trpc } from "../../lib/trpc";
import { useLiveStudies } from "./use-live-studies";
import { historyFor, useRovingList, type SelectHow } from "../../lib/use-roving-list";
import { useMe } from "../auth/use-me";
import { StudyBadges } from "./StudyBadges";
import { QueryState } from "../../ui/QueryState";
import { ListSkeleton } from "../../ui/ListSkeleton";
import { SplitView } from "../../ui/SplitView";
import { StudyPage } from "./StudyPage";
import { SelectHint } from "../../ui/SelectHint";
import { PageHeader } from "../../ui/PageHeader";
import "./studies.css";

const mineOptions = ["leading", "joined", "waitlisted", "requested"] as const;

/**
 * /studies and /studies/:id: the studies (12 a page, filters in the URL, "my studies",
 * popular tags) beside the open study.
 */
export function StudiesPage() {
  const { t, formatDays } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { params, page, oneOf, set } = useUrlFilters();
  const mode = oneOf("mode", ["online", "offline"]);
  const input: TStudyListInput = {
    page,
    status: oneOf("status", studyStatuses),
    tag: params.get("tag") ?? undefined,
    online: mode === undefined ? undefined : mode === "online",
    mine: oneOf("mine", mineOptions),
  };
  const list = trpc.study.list.useQuery(input, { placeholderData: (previous) => previous });
  useLiveStudies(null);
  const tags = trpc.study.popularTags.useQuery(undefined, { staleTime: 60_000 });
  const items = list.data?.items ?? [];
  const selected = useIdParam("studyId");
  const { search } = useLocation();
  // The filters (?status=… &page=…) go along, so Back returns to the same list.
  const open = (id: number, how: SelectHow) =>
    void navigate({ pathname: `/studies/${id}`, search }, historyFor(how, selected !== null));
  const roving = useRovingList({ ids: items.map((s) => s.id), selected, onSelect: open });

  return (
    <SplitView
      id="studies"
      className="studies-panes"
      listSize={40}
      listMin={26}
      showDetail={selected !== null}
      back={{ label: t("nav.studies"), onBack: () => void navigate({ pathname: "/studies", search }) }}
      detail={
        <div className="pane__scroll">
          {selected !== null ? (
            <StudyPage key={selected} />
          ) : (
            <SelectHint count={items.length} text={t("study.selectHint")} />
          )}
        </div>
      }
      list={
        <>
          <PageHeader
            title={t("nav.studies")}
            actions={
              me.data && (
                <Link to="/studies/new" className="button button--primary">
                  {t("study.new")}
                </Link>
              )
            }
          />
          <div className="pane__scroll page studies">
            <div className="filters">
              <label>
                {t("study.filter.status")}{" "}
                <select value={input.status ?? ""} onChange={(e) => set("status", e.target.value || null)}>
                  <option value="">{t("study.filter.all")}</option>
                  {studyStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t(`study.status.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("study.filter.mode")}{" "}
                <select value={params.get("mode") ?? ""} onChange={(e) => set("mode", e.target.value || null)}>
                  <option value="">{t("study.filter.all")}</option>
                  <option value="online">{t("study.online")}</option>
                  <option value="offline">{t("study.offline")}</option>
                </select>
              </label>
              {me.data && (
                <label>
                  {t("study.filter.mine")}{" "}
                  <select value={input.mine ?? ""} onChange={(e) => set("mine", e.target.value || null)}>
                    <option value="">{t("study.filter.all")}</option>
                    {mineOptions.map((m) => (
                      <option key={m} value={m}>
                        {t(`study.mine.${m}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {input.tag && (
                <button type="button" className="badge" onClick={() => set("tag", null)}>
                  #{input.tag} ✕
                </button>
              )}
            </div>
            {tags.data && tags.data.length > 0 && (
              <p className="tags small">
                {tags.data.map((tag) => (
                  <button key={tag.tag} type="button" className="link-button" onClick={() => set("tag", tag.tag)}>
                    #{tag.tag}
                  </button>
                ))}
              </p>
            )}
            {list.isSuccess && <p className="muted small">{t("study.total", { count: list.data.total })}</p>}
            <ul className="study-grid" data-testid="studies" aria-label={t("nav.studies")} {...roving.listProps}>
              {items.map((study) => (
                <li
                  key={study.id}
                  className={`card study-card${study.id === roving.active ? " is-selected" : ""}`}
                  {...roving.rowProps(study.id)}
                >
                  <StudyBadges study={study} />
                  <strong className="card__title">{study.title}</strong>
                  <span className="muted small">
                    {formatDays(study.startsOn, study.endsOn)} · {study.online ? t("study.online") : study.location}
                  </span>
                  <NextSession study={study} />
                  <span className="muted small">{study.tags.map((tag) => `#${tag}`).join(" ")}</span>
                </li>
              ))}
            </ul>
            <QueryState
              query={list}
              empty={items.length === 0}
              emptyText={t("study.none")}
              errorText={t("study.loadError")}
              skeleton={<ListSkeleton shape="card" avatar={false} layout="study-grid" rows={4} />}
            />
            <PageNumbers
              page={input.page}
              pageCount={list.data?.pageCount ?? 0}
              onPage={(page) => set("page", String(page))}
            />
          </div>
        </>
      }
    />
  );
}
