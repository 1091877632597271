import { useState, type FormEvent } from "react";
import {
  MODERATION_TEXT_MAX,
  suspensionLengths,
  type TDecisionAction,
  type TSuspensionLength,
} from "@orgo/api-contract/constants";
import type { TCaseDetail } from "@orgo/api-contract/schemas";
import { useI18n } from "../../../i18n/i18n";
import { fieldErrorsOf } from "../../../i18n/describe-error";
import { trpc } from "../../../lib/trpc";
import { showToast } from "../../../lib/toast";
import { FormError } from "../../../ui/FormError";
import { useMe } from "../../auth/use-me";
import "../moderation.css";

/** What each kind of target can have done to it (the server holds the same rule). */
function actionsFor(c: TCaseDetail): TDecisionAction[] {
  // A decided case: only lifting the suspension decided on it.
  if (c.status !== "open") return c.current.ownerSuspended ? ["lift"] : [];
  const content: TDecisionAction[] = c.target.kind === "profile" ? ["hide"] : ["hide", "delete"];
  const person: TDecisionAction[] = c.owner ? ["warn", c.current.ownerSuspended ? "lift" : "suspend"] : [];
  return ["dismiss", ...(c.current.deleted ? [] : content.filter((a) => a !== "hide" || !c.current.hidden)), ...person];
}

/** The reason box every decision has: stored in the audit log, and shown to the author. */
function ReasonField(props: { value: string; onValue: (value: string) => void; errors?: string[] }) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span>{t("case.reason")}</span>
      <textarea
        name="reason"
        rows={3}
        maxLength={MODERATION_TEXT_MAX}
        value={props.value}
        onChange={(event) => props.onValue(event.target.value)}
        aria-invalid={Boolean(props.errors?.length)}
      />
      {props.errors && <span className="field__error">{props.errors.join(" ")}</span>}
    </label>
  );
}

function useDecided(caseId: number) {
  const { t } = useI18n();
  const utils = trpc.useUtils();
  return (next: TCaseDetail) => {
    utils.moderation.case.setData({ caseId }, next);
    void utils.moderation.queue.invalidate();
    showToast(t("case.decided"), {});
  };
}

/** Decide a case of reports: what to do (a suspension's length and whether to hide what they wrote), and why. */
export function DecideForm({ c }: { c: TCaseDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const actions = actionsFor(c);
  const [action, setAction] = useState<TDecisionAction | null>(null);
  const [length, setLength] = useState<TSuspensionLength>("week");
  const [hideContent, setHideContent] = useState(false);
  const [reason, setReason] = useState("");
  const decide = trpc.moderation.decide.useMutation({ onSuccess: useDecided(c.id) });
  const errors = fieldErrorsOf(decide.error, i18n);
  const takenByOther = c.status === "open" && c.claimedBy !== null && c.claimedBy.id !== me.data?.id;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!action || decide.isPending) return;
    decide.mutate({
      caseId: c.id,
      action,
      reason,
      suspension: action === "suspend" ? { length, hideContent } : null,
    });
  };
  return (
    <section aria-labelledby="decide-title" className="case__decide">
      <h3 id="decide-title" className="section-title">
        {t("case.decide")}
      </h3>
      <form className="form" onSubmit={submit} data-testid="decide-form">
        <fieldset className="choice" disabled={takenByOther}>
          <legend>{t("case.action")}</legend>
          {actions.map((choice) => (
            <label key={choice} className="choice__option">
              <input
                type="radio"
                name="action"
                value={choice}
                checked={action === choice}
                onChange={() => setAction(choice)}
              />
              {t(`case.action.${choice}`)}
            </label>
          ))}
        </fieldset>
        {action === "suspend" && (
          <fieldset className="choice" disabled={takenByOther}>
            <legend>{t("case.suspendFor")}</legend>
            {suspensionLengths.map((choice) => (
              <label key={choice} className="choice__option">
                <input type="radio" name="length" checked={length === choice} onChange={() => setLength(choice)} />
                {t(`case.length.${choice}`)}
              </label>
            ))}
            <label className="choice__option">
              <input type="checkbox" checked={hideContent} onChange={(event) => setHideContent(event.target.checked)} />
              {t("case.hideContent")}
            </label>
          </fieldset>
        )}
        <ReasonField value={reason} onValue={setReason} errors={errors.reason} />
        <FormError error={decide.error} />
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={takenByOther || !action || !reason.trim() || decide.isPending}
          >
            {t("case.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Decide an appeal: grant (the decision is undone) or deny, and why. */
export function AppealForm({ c }: { c: TCaseDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [reason, setReason] = useState("");
  const decide = trpc.moderation.decideAppeal.useMutation({ onSuccess: useDecided(c.id) });
  const errors = fieldErrorsOf(decide.error, i18n);
  const takenByOther = c.claimedBy !== null && c.claimedBy.id !== me.data?.id;
  const send = (grant: boolean) => {
    if (!decide.isPending) decide.mutate({ caseId: c.id, grant, reason });
  };
  return (
    <section aria-labelledby="decide-title" className="case__decide">
      <h3 id="decide-title" className="section-title">
        {t("case.decide")}
      </h3>
      <form className="form" onSubmit={(event) => event.preventDefault()} data-testid="appeal-form">
        <ReasonField value={reason} onValue={setReason} errors={errors.reason} />
        <FormError error={decide.error} />
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={takenByOther || !reason.trim()}
            onClick={() => send(false)}
          >
            {t("case.deny")}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={takenByOther || !reason.trim()}
            onClick={() => send(true)}
          >
            {t("case.grant")}
          </button>
        </div>
      </form>
    </section>
  );
}
