import { useEffect } from "react";
import { Link, useLocation } from "react-router";
import { useUrlFilters } from "../../lib/use-url-filters";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { describeError } from "../../i18n/describe-error";
import { useMe } from "../auth/use-me";
import { RequestCard } from "./RequestCard";
import { MeetingCard } from "./MeetingCard";
import { PageHeader } from "../../ui/PageHeader";
import { ListSkeleton } from "../../ui/ListSkeleton";
import "./mentoring.css";

const tabs = ["requests", "meetings"] as const;

/** /mentoring: my requests (to me as a mentor, from me as a learner) and my meetings, upcoming and past. */
export function MentoringPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const { hash } = useLocation();
  const { params, oneOf, set } = useUrlFilters();
  const tab = oneOf("tab", tabs) ?? "requests";
  const asked = params.get("box");
  const state = params.get("state") === "closed" ? "closed" : "waiting";
  const scope = params.get("scope") === "past" ? "past" : "upcoming";
  const signedIn = Boolean(me.data);
  const onRequests = signedIn && tab === "requests";
  // Unless the address says which, the box that has something in it: a learner who
  // mentors nobody opens on their own requests, not on an empty "To me".
  const incoming = trpc.mentoring.requests.useQuery(
    { box: "incoming", state },
    { enabled: onRequests && asked !== "outgoing" },
  );
  const outgoing = trpc.mentoring.requests.useQuery(
    { box: "outgoing", state },
    { enabled: onRequests && asked !== "incoming" },
  );
  const box =
    asked === "outgoing" || asked === "incoming"
      ? asked
      : incoming.data?.length === 0 && (outgoing.data?.length ?? 0) > 0
        ? "outgoing"
        : "incoming";
  const requests = box === "incoming" ? incoming : outgoing;
  const deciding = !asked && (incoming.isPending || outgoing.isPending);
  const meetings = trpc.mentoring.meetings.useQuery({ scope }, { enabled: signedIn && tab === "meetings" });
  // A link to one meeting (#meeting-<id>) scrolls to it once it is on the page.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: "center" });
  }, [hash, meetings.data]);

  if (me.isSuccess && !me.data) {
    return (
      <p className="page placeholder">
        <Link to="/signin">{t("mentors.signInToRequest")}</Link>
      </p>
    );
  }
  const error = requests.error ?? meetings.error;
  return (
    <div className="page mentoring">
      <PageHeader
        title={t("mentoring.title")}
        actions={
          <Link to="/mentors" className="button">
            {t("mentoring.findMentor")}
          </Link>
        }
      />
      <div className="tabs" role="tablist" aria-label={t("mentoring.title")}>
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} onClick={() => set("tab", x)}>
            {t(`mentoring.${x}`)}
          </button>
        ))}
      </div>
      {tab === "requests" ? (
        <>
          <div className="filters">
            <select aria-label={t("mentoring.requests")} value={box} onChange={(e) => set("box", e.target.value)}>
              <option value="incoming">{t("mentoring.incoming")}</option>
              <option value="outgoing">{t("mentoring.outgoing")}</option>
            </select>
            <select aria-label={t("mentoring.waiting")} value={state} onChange={(e) => set("state", e.target.value)}>
              <option value="waiting">{t("mentoring.waiting")}</option>
              <option value="closed">{t("mentoring.closed")}</option>
            </select>
          </div>
          <ul className="mentoring-list" data-testid="requests">
            {requests.data?.map((request) => (
              <RequestCard key={request.id} request={request} />
            ))}
          </ul>
          {deciding || requests.isPending ? (
            <ListSkeleton shape="card" layout="mentoring-list" rows={2} />
          ) : (
            requests.data?.length === 0 && <p className="placeholder muted">{t("mentoring.noRequests")}</p>
          )}
        </>
      ) : (
        <>
          <div className="filters">
            <select aria-label={t("mentoring.meetings")} value={scope} onChange={(e) => set("scope", e.target.value)}>
              <option value="upcoming">{t("mentoring.upcoming")}</option>
              <option value="past">{t("mentoring.past")}</option>
            </select>
          </div>
          <ul className="mentoring-list" data-testid="meetings">
            {meetings.data?.map((meeting) => (
              <MeetingCard key={meeting.id} meeting={meeting} />
            ))}
          </ul>
          {meetings.isPending ? (
            <ListSkeleton shape="card" layout="mentoring-list" rows={2} />
          ) : (
            meetings.data?.length === 0 && <p className="placeholder muted">{t("mentoring.noMeetings")}</p>
          )}
        </>
      )}
      {error && <p className="form__error">{describeError(error, i18n)}</p>}
    </div>
  );
}
