import { Link, useNavigate } from "react-router";
import "./study-messages";
import { useIdParam } from "../../lib/route-params";
import type { TStudyDetail } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { describeError } from "../../i18n/describe-error";
import { Avatar } from "../../ui/Avatar";
import { FormError } from "../../ui/FormError";
import { Markdown } from "../../ui/markdown/Markdown";
import { useMe } from "../auth/use-me";
import { StudyBadges } from "./StudyBadges";
import { useLiveStudies } from "./use-live-studies";
import { DetailSkeleton } from "../../ui/DetailSkeleton";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { ModerationNote } from "../moderation/ModerationNote";
import { ReportButton } from "../moderation/ReportButton";
import { zoneOption } from "../../ui/time-zone/time-zones";
import { StudySchedule } from "./StudySchedule";
import "./studies.css";

/** /studies/<id> (or beside another list, by `studyId`): the study, its members, and what the viewer can do; live, without a reload. */
export function StudyPage(props: { studyId?: number }) {
  const i18n = useI18n();
  const fromAddress = useIdParam("studyId");
  const id = props.studyId ?? fromAddress ?? 0;
  const study = trpc.study.byId.useQuery({ id }, { retry: false, enabled: id > 0 });
  useLiveStudies(id > 0 ? id : null);
  if (study.error) return <p className="page placeholder">{describeError(study.error, i18n)}</p>;
  if (!study.data) return <DetailSkeleton />;
  return <StudyView study={study.data} />;
}

function StudyView({ study }: { study: TStudyDetail }) {
  const { t, language, formatDays } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const refresh = () => Promise.all([utils.study.byId.invalidate({ id: study.id }), utils.study.list.invalidate()]);
  const options = { onSuccess: refresh };
  const join = trpc.study.join.useMutation(options);
  const waitlist = trpc.study.joinWaitlist.useMutation(options);
  const leave = trpc.study.leave.useMutation(options);
  const accept = trpc.study.accept.useMutation(options);
  const decline = trpc.study.decline.useMutation(options);
  const remove = trpc.study.removeMember.useMutation(options);
  const close = trpc.study.closeRecruiting.useMutation(options);
  const destroy = trpc.study.delete.useMutation({
    onSuccess: async () => {
      await utils.study.list.invalidate();
      void navigate("/studies");
    },
  });
  const error = [join, waitlist, leave, accept, decline, remove, close, destroy].find((m) => m.error)?.error;
  const role = study.me.role;
  const ref = { id: study.id };
  // Members have the study's room in their inbox.
  const inRoom = role === "leader" || role === "member";
  const inbox = trpc.chat.inbox.useQuery(undefined, { enabled: inRoom });
  const roomId = inbox.data?.rooms.find((room) => room.study?.id === study.id)?.id;

  return (
    <article className="page study" aria-labelledby="study-title" data-testid="study">
      <h1 id="study-title">{study.title}</h1>
      <StudyBadges study={study} />
      <p className="muted">
        {formatDays(study.startsOn, study.endsOn)}
        {study.recruitUntil && ` · ${t("study.deadline", { date: formatDays(study.recruitUntil) })}`} ·{" "}
        {study.online ? t("study.online") : study.location} ·{" "}
        <span title={study.timeZone}>{zoneOption(study.timeZone, language).label}</span>
      </p>
      <div className="study__actions" data-testid="study-actions">
        {inRoom && roomId !== undefined && (
          <Link to={`/chat/${roomId}`} className="button" data-testid="study-chat">
            {t("chat.openStudyRoom")}
          </Link>
        )}
        {me.data && role === "none" && study.status === "recruiting" && (
          <button type="button" className="button button--primary" onClick={() => join.mutate(ref)}>
            {study.requiresApproval ? t("study.request") : t("study.join")}
          </button>
        )}
        {me.data && role === "none" && study.waitlistOpen && (
          <button type="button" className="button" onClick={() => waitlist.mutate(ref)}>
            {t("study.joinWaitlist")}
          </button>
        )}
        {role === "member" && (
          <ConfirmButton
            className="button"
            label={t("study.leave")}
            title={t("study.leaveTitle")}
            explain={study.waitlistCount > 0 ? t("study.leaveExplainLine") : t("study.leaveExplain")}
            onConfirm={() => leave.mutateAsync(ref)}
          />
        )}
        {role === "waitlisted" && (
          <>
            <span className="badge">{t("study.position", { position: study.me.waitlistPosition ?? 0 })}</span>
            <button type="button" className="button" onClick={() => leave.mutate(ref)}>
              {t("study.leaveWaitlist")}
            </button>
          </>
        )}
        {role === "requested" && (
          <>
            <span className="badge">{t("study.requested")}</span>
            <button type="button" className="button" onClick={() => leave.mutate(ref)}>
              {t("study.cancelRequest")}
            </button>
          </>
        )}
        {role === "leader" && (
          <>
            <Link to={`/studies/${study.id}/edit`} className="button">
              {t("post.edit")}
            </Link>
            {study.status === "recruiting" && (
              <button type="button" className="button" onClick={() => close.mutate(ref)}>
                {t("study.close")}
              </button>
            )}
            <ConfirmButton
              label={t("study.delete")}
              title={t("study.deleteTitle")}
              explain={t("study.deleteConfirm")}
              onConfirm={() => destroy.mutateAsync(ref)}
            />
          </>
        )}
        {!me.data && <span className="muted small">{t("comments.signIn")}</span>}
        {me.data && role !== "leader" && <ReportButton target={{ kind: "study", id: study.id }} />}
      </div>
      {study.moderation && <ModerationNote mark={study.moderation} />}
      <FormError error={error} />
      <StudySchedule study={study} />
      <div className="detail__body">
        <Markdown source={study.description} />
      </div>
      <h2 className="section-title">{t("study.members", { count: study.memberCount })}</h2>
      <ul className="sessions" data-testid="study-members">
        {study.members.map((member) => (
          <li key={member.id} className="sessions__row">
            <span className="person">
              <Avatar user={member} size={28} />
              <Link to={`/u/${member.handle}`}>{member.displayName}</Link>
              {study.leader?.id === member.id && <span className="badge">{t("study.leader")}</span>}
            </span>
            {role === "leader" && study.leader?.id !== member.id && (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => remove.mutate({ ...ref, userId: member.id })}
              >
                {t("study.remove")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {role === "leader" && study.requests.length > 0 && (
        <>
          <h2 className="section-title">{t("study.requests")}</h2>
          <ul className="sessions" data-testid="study-requests">
            {study.requests.map((person) => (
              <li key={person.id} className="sessions__row">
                <span className="person">
                  <Avatar user={person} size={28} />
                  {person.displayName}
                </span>
                <span>
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => accept.mutate({ ...ref, userId: person.id })}
                  >
                    {t("study.accept")}
                  </button>{" "}
                  <button
                    type="button"
                    className="button"
                    onClick={() => decline.mutate({ ...ref, userId: person.id })}
                  >
                    {t("study.decline")}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
