import { Link } from "react-router";
import type { TCaseDetail, TDecision } from "@orgo/api-contract/schemas";
import { useI18n } from "../../../i18n/i18n";
import type { MessageKey } from "../../../i18n/messages";
import { describeError } from "../../../i18n/describe-error";
import { trpc } from "../../../lib/trpc";
import { Avatar } from "../../../ui/Avatar";
import { DetailSkeleton } from "../../../ui/DetailSkeleton";
import { FormError } from "../../../ui/FormError";
import { RelativeTime } from "../../../ui/RelativeTime";
import { useMe } from "../../auth/use-me";
import { Snapshot } from "../Snapshot";
import { targetPath } from "../target-kind";
import { AppealForm, DecideForm } from "./DecideForm";
import "../moderation.css";

/**
 * One case: what was reported and by whom (each report's snapshot, as it was then),
 * the target now, earlier decisions about it and its author, who is handling it, and
 * the decision form for whoever took it.
 */
export function CaseDetail({ caseId }: { caseId: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const kase = trpc.moderation.case.useQuery({ caseId }, { retry: false });
  if (kase.error) return <p className="placeholder">{describeError(kase.error, i18n)}</p>;
  if (!kase.data) return <DetailSkeleton />;
  const c = kase.data;
  const path = targetPath(c.target);
  return (
    <article className="page case" aria-labelledby="case-title" data-testid="case">
      <p className="muted small">
        {t(`target.${c.target.kind}` as MessageKey)}
        {c.kind === "appeal" && <> · {t("queue.appeal")}</>}
      </p>
      <h2 id="case-title" className="case__title">
        {path ? <Link to={path}>{c.target.label || "—"}</Link> : c.target.label || "—"}
      </h2>
      {c.owner && (
        <p className="case__owner small">
          <span className="muted">{t("case.owner")}</span> <Avatar user={c.owner} size={20} />{" "}
          <Link to={`/u/${c.owner.handle}`}>{c.owner.displayName}</Link>{" "}
          <span className="muted">@{c.owner.handle}</span>
        </p>
      )}
      <CurrentState c={c} />
      <ClaimBar c={c} />
      {c.appeal && (
        <section aria-labelledby="appeal-title">
          <h3 id="appeal-title" className="section-title">
            {t("case.appealText")}
          </h3>
          <blockquote className="decision__quote">{c.appeal.text}</blockquote>
          <p className="muted small">{t("case.appealOf")}</p>
          <DecisionLine decision={c.appeal.decision} />
        </section>
      )}
      {c.reports.length > 0 && (
        <section aria-labelledby="reports-title">
          <h3 id="reports-title" className="section-title">
            {t("case.reports")} ({c.reports.length})
          </h3>
          <ol className="case__reports">
            {c.reports.map((report, index) => (
              <li key={report.id} className="case__report">
                <p className="small">
                  <strong>{t(`report.reason.${report.reason}`)}</strong> ·{" "}
                  {t("case.by", { name: report.reporter ? `@${report.reporter.handle}` : t("case.deletedAccount") })} ·{" "}
                  <RelativeTime date={report.createdAt} />
                </p>
                {report.note && <blockquote className="decision__quote">{report.note}</blockquote>}
                {/* The first report's snapshot open; later ones (often the same) a click away. */}
                <details open={index === 0}>
                  <summary className="small muted">
                    {t("case.asReported", { when: i18n.formatDate(report.createdAt) })}
                  </summary>
                  <Snapshot snapshot={report.snapshot} />
                </details>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="history-title">
        <h3 id="history-title" className="section-title">
          {t("case.history")}
        </h3>
        {c.history.length === 0 ? (
          <p className="muted small">{t("case.noHistory")}</p>
        ) : (
          <ul className="case__history">
            {c.history.map((decision) => (
              <li key={decision.id}>
                <DecisionLine decision={decision} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {c.status === "open" ? (
        c.kind === "appeal" ? (
          <AppealForm c={c} />
        ) : (
          <DecideForm c={c} />
        )
      ) : (
        <>
          <p className="muted">{t("case.closed")}</p>
          {/* A suspension decided here can still be lifted here. */}
          {c.kind === "reports" && c.current.ownerSuspended && <DecideForm c={c} />}
        </>
      )}
    </article>
  );
}

function CurrentState({ c }: { c: TCaseDetail }) {
  const { t, formatDate } = useI18n();
  const states = [
    c.current.deleted ? t("case.now.deleted") : c.current.hidden ? t("case.now.hidden") : t("case.now.visible"),
    c.current.ownerSuspended &&
      (c.current.ownerSuspendedUntil
        ? t("case.now.suspendedUntil", { date: formatDate(c.current.ownerSuspendedUntil) })
        : t("case.now.suspended")),
  ].filter(Boolean);
  return (
    <p className="case__now small" data-testid="case-now">
      <span className="muted">{t("case.now")}</span> {states.join(" · ")}
    </p>
  );
}

/** Who handles the case: take it, or let it go; a case someone else took is theirs. */
function ClaimBar({ c }: { c: TCaseDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const utils = trpc.useUtils();
  const onSuccess = (next: TCaseDetail) => {
    utils.moderation.case.setData({ caseId: c.id }, next);
    void utils.moderation.queue.invalidate();
  };
  const claim = trpc.moderation.claim.useMutation({ onSuccess });
  const release = trpc.moderation.release.useMutation({ onSuccess });
  if (c.status !== "open") return null;
  const mine = c.claimedBy?.id === me.data?.id;
  return (
    <div className="case__claim" data-testid="case-claim">
      {mine ? (
        <>
          <span>{t("case.mine")}</span>
          <button
            type="button"
            className="button"
            disabled={release.isPending}
            onClick={() => release.mutate({ caseId: c.id })}
          >
            {t("case.release")}
          </button>
        </>
      ) : (
        <>
          <span>{c.claimedBy ? t("case.theirs", { name: c.claimedBy.displayName }) : t("case.free")}</span>
          {!c.claimedBy && (
            <button
              type="button"
              className="button button--primary"
              disabled={claim.isPending}
              onClick={() => claim.mutate({ caseId: c.id })}
            >
              {t("case.claim")}
            </button>
          )}
        </>
      )}
      <FormError error={claim.error ?? release.error} />
    </div>
  );
}

/** The audit log's name of a decision's action ("granted" is "appeal.granted"). */
const fullAction = (action: string) =>
  action === "granted" || action === "denied" ? `appeal.${action}` : `decision.${action}`;

function DecisionLine({ decision }: { decision: TDecision }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="decision-line small">
      <strong>{t(`audit.${fullAction(decision.action)}` as MessageKey)}</strong>
      {decision.moderatorHandle && <span className="muted"> · @{decision.moderatorHandle}</span>}
      <span className="muted"> · {formatDate(decision.at)}</span>
      {decision.target && (
        <span className="muted">
          {" "}
          · {t(`target.${decision.target.kind}` as MessageKey)}: {decision.target.label}
        </span>
      )}
      <div>{decision.reason}</div>
    </div>
  );
}
