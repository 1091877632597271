import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { MODERATION_TEXT_MAX } from "@orgo/api-contract/constants";
import type { TMyDecision } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/messages";
import { describeError, fieldErrorsOf } from "../../i18n/describe-error";
import { trpc } from "../../lib/trpc";
import { DetailSkeleton } from "../../ui/DetailSkeleton";
import { FormError } from "../../ui/FormError";
import { Snapshot } from "./Snapshot";
import { targetPath } from "./target-kind";
import "./moderation.css";
import "./moderation-messages";

/**
 * A decision about me or what I wrote, on its page or beside the notice that told of
 * it: what was decided, why, on what (as it was then), and my one appeal: its form, or
 * its state once sent.
 */
export function DecisionDetail({ decisionId }: { decisionId: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const valid = Number.isInteger(decisionId) && decisionId > 0;
  const query = trpc.moderation.myDecision.useQuery({ decisionId }, { enabled: valid, retry: false });
  if (!valid) return <p className="page placeholder">{t("decision.notFound")}</p>;
  if (query.error) return <p className="page placeholder">{describeError(query.error, i18n)}</p>;
  if (!query.data) return <DetailSkeleton />;
  return <DecisionView mine={query.data} />;
}

function DecisionView({ mine }: { mine: TMyDecision }) {
  const { t, formatDate } = useI18n();
  const { decision } = mine;
  const path = decision.target ? targetPath(decision.target) : null;
  return (
    <article className="page decision" aria-labelledby="decision-title" data-testid="decision">
      <p className="muted small">{t("decision.title")}</p>
      <h1 id="decision-title">{t(`decision.action.${decision.action}` as MessageKey)}</h1>
      <p className="muted small">{t("decision.when", { when: formatDate(decision.at) })}</p>
      <dl className="decision__facts">
        <dt>{t("decision.reason")}</dt>
        <dd data-testid="decision-reason">{decision.reason}</dd>
        {decision.target && (
          <>
            <dt>{t("decision.about")}</dt>
            <dd>
              {t(`target.${decision.target.kind}` as MessageKey)}:{" "}
              {path && decision.action !== "delete" ? (
                <Link to={path}>{decision.target.label}</Link>
              ) : (
                decision.target.label
              )}
            </dd>
          </>
        )}
        {decision.suspension && (
          <>
            <dt>{t("case.suspendFor")}</dt>
            <dd>
              {decision.suspension.until
                ? t("decision.until", { date: formatDate(decision.suspension.until) })
                : t("decision.untilLifted")}
              {decision.suspension.hideContent && <> · {t("decision.hidContent")}</>}
            </dd>
          </>
        )}
      </dl>
      {mine.snapshot && (
        <section aria-labelledby="decision-snapshot">
          <h2 id="decision-snapshot" className="section-title">
            {t("decision.snapshot")}
          </h2>
          <Snapshot snapshot={mine.snapshot} />
        </section>
      )}
      <AppealSection mine={mine} />
    </article>
  );
}

function AppealSection({ mine }: { mine: TMyDecision }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState("");
  const utils = trpc.useUtils();
  const appeal = trpc.moderation.appeal.useMutation({
    onSuccess: (next) => utils.moderation.myDecision.setData({ decisionId: mine.decision.id }, next),
  });
  const errors = fieldErrorsOf(appeal.error, i18n);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!appeal.isPending) appeal.mutate({ decisionId: mine.decision.id, text });
  };
  if (mine.appeal) {
    return (
      <section className="decision__appeal" aria-labelledby="appeal-title">
        <h2 id="appeal-title" className="section-title">
          {t("decision.appeal")}
        </h2>
        <p role="status" data-testid="appeal-state">
          {t(`decision.appeal.${mine.appeal.state}`)}
        </p>
        <p className="muted small">{t("decision.yourAppeal")}</p>
        <blockquote className="decision__quote">{mine.appeal.text}</blockquote>
      </section>
    );
  }
  if (!mine.canAppeal) return null;
  return (
    <section className="decision__appeal" aria-labelledby="appeal-title">
      <h2 id="appeal-title" className="section-title">
        {t("decision.appeal")}
      </h2>
      <p className="muted small">{t("decision.appealHint")}</p>
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span>{t("decision.appealLabel")}</span>
          <textarea
            name="appeal"
            rows={4}
            maxLength={MODERATION_TEXT_MAX}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={Boolean(errors.text?.length)}
          />
          {errors.text && <span className="field__error">{errors.text.join(" ")}</span>}
        </label>
        <FormError error={appeal.error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={appeal.isPending || !text.trim()}>
            {t("decision.appealSend")}
          </button>
        </div>
      </form>
    </section>
  );
}
