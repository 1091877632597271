import { useState, type FormEvent } from "react";
import { wordRuleActions, type TWordRuleAction } from "@orgo/api-contract/constants";
import { useI18n } from "../../../i18n/i18n";
import { fieldErrorsOf } from "../../../i18n/describe-error";
import { trpc } from "../../../lib/trpc";
import { Field } from "../../../ui/Field";
import { FormError } from "../../../ui/FormError";
import "../moderation.css";

/**
 * Admin → Watched words: a text containing one is refused, or posted hidden and held
 * for moderators. Every process learns of a change at once (the bus).
 */
export function WordRules() {
  const i18n = useI18n();
  const { t } = i18n;
  const utils = trpc.useUtils();
  const rules = trpc.admin.wordRules.useQuery();
  const [pattern, setPattern] = useState("");
  const [action, setAction] = useState<TWordRuleAction>("hold");
  const refresh = () => Promise.all([utils.admin.wordRules.invalidate(), utils.admin.audit.invalidate()]);
  const add = trpc.admin.addWordRule.useMutation({
    onSuccess: () => {
      setPattern("");
      return refresh();
    },
  });
  const remove = trpc.admin.removeWordRule.useMutation({ onSuccess: refresh });
  const errors = fieldErrorsOf(add.error, i18n);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!add.isPending) add.mutate({ pattern, action });
  };
  return (
    <div className="admin__section">
      <p className="muted small">{t("admin.words.hint")}</p>
      <form className="form admin__form words__form" onSubmit={submit}>
        <Field
          label={t("admin.word.pattern")}
          name="pattern"
          value={pattern}
          onChange={(event) => setPattern(event.target.value)}
          errors={errors.pattern}
          autoComplete="off"
        />
        <label className="field">
          <span>{t("admin.word.action")}</span>
          <select
            name="wordAction"
            value={action}
            onChange={(event) => setAction(event.target.value as TWordRuleAction)}
          >
            {wordRuleActions.map((choice) => (
              <option key={choice} value={choice}>
                {t(`admin.word.${choice}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={!pattern.trim() || add.isPending}>
          {t("admin.word.add")}
        </button>
      </form>
      <FormError error={add.error ?? remove.error} />
      {rules.data?.length === 0 && <p className="muted small">{t("admin.words.empty")}</p>}
      <ul className="sessions" data-testid="word-rules">
        {rules.data?.map((rule) => (
          <li key={rule.id} className="sessions__row">
            <span>
              <code>{rule.pattern}</code> <span className="muted small">· {t(`admin.word.${rule.action}`)}</span>
            </span>
            <button
              type="button"
              className="quiet-danger"
              disabled={remove.isPending}
              aria-label={t("admin.word.remove", { pattern: rule.pattern })}
              onClick={() => remove.mutate({ id: rule.id })}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
