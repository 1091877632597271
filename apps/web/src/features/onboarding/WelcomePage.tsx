import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { Avatar } from "../../ui/Avatar";
import { QueryState } from "../../ui/QueryState";
import { ListSkeleton, PageSkeleton } from "../../ui/ListSkeleton";
import { useMe } from "../auth/use-me";
import { FollowButton } from "../profile/FollowButton";
import { StudyBadges } from "../studies/StudyBadges";
import { useNow } from "../../lib/use-now";
import "./welcome.css";
import { PageHeader } from "../../ui/PageHeader";

const DAY = 24 * 3600_000;

/**
 * /welcome, where a new account lands (e-mail sign-up, or a first GitHub / Google
 * sign-in): a few people to follow, studies looking for members, the profile to fill
 * in, then back where they were (?next=), or to the feed — the Following tab once
 * they follow someone.
 */
export function WelcomePage() {
  const { t } = useI18n();
  const me = useMe();
  const now = useNow();
  const navigate = useNavigate();
  // Where the person was when they signed up (a path of ours, never another site).
  const next = useSearchParams()[0].get("next");
  const back = next && /^\/(?![/\\])/.test(next) ? next : null;
  const people = trpc.user.recommended.useQuery(undefined, { enabled: Boolean(me.data), staleTime: Infinity });
  const studies = trpc.study.list.useQuery({ page: 1, status: "recruiting" }, { enabled: Boolean(me.data) });
  const [followed, setFollowed] = useState<ReadonlySet<string>>(new Set());
  const track = (id: string) => (following: boolean) =>
    setFollowed((current) => {
      const next = new Set(current);
      if (following) next.add(id);
      else next.delete(id);
      return next;
    });

  if (me.data === null) return <p className="page placeholder">{t("comments.signIn")}</p>;
  if (!me.data) return <PageSkeleton />;
  return (
    <div className="page welcome-page" data-testid="welcome">
      <PageHeader title={t("onboarding.title", { name: me.data.displayName })} />
      <p className="muted">{t("onboarding.intro")}</p>

      <div className="welcome-page__columns">
        <section aria-labelledby="welcome-people">
          <h2 id="welcome-people" className="section-title">
            {t("onboarding.people")}
          </h2>
          <QueryState
            query={people}
            empty={people.data?.length === 0}
            emptyText={t("onboarding.noPeople")}
            errorText={t("onboarding.loadError")}
          />
          <ul className="welcome__people">
            {people.data?.map((person) => (
              <li key={person.id} className="welcome__person">
                <Avatar user={person} size={44} />
                <div className="welcome__who">
                  <Link to={`/u/${person.handle}`} className="welcome__name card__title">
                    {person.displayName}
                  </Link>
                  <span className="muted small">
                    @{person.handle} ·{" "}
                    {t("onboarding.counts", { followers: person.followerCount, posts: person.postCount })}
                  </span>
                  <span className="muted small" data-testid="active">
                    {person.activeAt
                      ? t("onboarding.active", {
                          days: Math.max(0, Math.floor((now - person.activeAt.getTime()) / DAY)),
                        })
                      : t("onboarding.notActive")}
                  </span>
                  {person.bio && <span className="small welcome__bio">{person.bio}</span>}
                </div>
                {/* Suggestions are people I do not follow yet (the server leaves the others out). */}
                <FollowButton profile={{ ...person, followedByMe: false }} onChange={track(person.id)} />
              </li>
            ))}
          </ul>
        </section>

        <div>
          <section aria-labelledby="welcome-studies">
            <h2 id="welcome-studies" className="section-title">
              {t("onboarding.studies")}
            </h2>
            <QueryState
              query={studies}
              empty={studies.data?.items.length === 0}
              emptyText={t("onboarding.noStudies")}
              errorText={t("onboarding.loadError")}
              skeleton={<ListSkeleton avatar={false} rows={4} />}
            />
            <ul className="welcome__studies">
              {studies.data?.items.slice(0, 4).map((study) => (
                <li key={study.id}>
                  <Link to={`/studies/${study.id}`}>{study.title}</Link> <StudyBadges study={study} />
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="welcome-profile">
            <h2 id="welcome-profile" className="section-title">
              {t("onboarding.profile")}
            </h2>
            <p className="muted">{t("onboarding.profileHint")}</p>
            <Link to="/settings/profile" className="button">
              {t("profile.edit")}
            </Link>
          </section>
        </div>
      </div>

      <p className="welcome__done">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void navigate(back ?? (followed.size > 0 ? "/?feed=following" : "/"))}
        >
          {t("onboarding.done")}
        </button>
      </p>
    </div>
  );
}
