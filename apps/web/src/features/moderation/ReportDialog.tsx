import { useState, type FormEvent } from "react";
import { MODERATION_TEXT_MAX, reportReasons, type TReportReason } from "@orgo/api-contract/constants";
import type { TReportTarget } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { trpc } from "../../lib/trpc";
import { showToast } from "../../lib/toast";
import { Dialog } from "../../ui/Dialog";
import { FormError } from "../../ui/FormError";
import "./moderation-messages";

/**
 * "Report…": why (one of the reasons) and an optional note for the moderators. Says
 * who will see it; for a chat message, also what is shared with them (the message and
 * the ten before it). The target is never told who reported.
 */
export function ReportDialog({ target, onClose }: { target: TReportTarget; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = useState<TReportReason | null>(null);
  const [note, setNote] = useState("");
  const utils = trpc.useUtils();
  const report = trpc.moderation.report.useMutation({
    onSuccess: () => {
      void utils.moderation.myReports.invalidate();
      showToast(t("report.sent"), {});
      onClose();
    },
  });
  const errors = fieldErrorsOf(report.error, i18n);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason && !report.isPending) report.mutate({ target, reason, note });
  };
  const what = t(`report.what.${target.kind}`);
  return (
    <Dialog open onClose={onClose} title={t("report.title", { what })}>
      <form className="form report" onSubmit={submit}>
        <fieldset className="choice">
          <legend>{t("report.reasonLegend")}</legend>
          {reportReasons.map((choice, index) => (
            <label key={choice} className="choice__option">
              <input
                type="radio"
                name="reason"
                value={choice}
                checked={reason === choice}
                onChange={() => setReason(choice)}
                data-autofocus={index === 0 ? true : undefined}
              />
              {t(`report.reason.${choice}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t("report.note")}</span>
          <textarea
            name="note"
            rows={3}
            maxLength={MODERATION_TEXT_MAX}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            aria-invalid={Boolean(errors.note?.length)}
          />
          {errors.note && <span className="field__error">{errors.note.join(" ")}</span>}
        </label>
        <p className="muted small">{t("report.private")}</p>
        {target.kind === "message" && <p className="muted small">{t("report.messageWindow")}</p>}
        <FormError error={report.error} />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("composer.cancel")}
          </button>
          <button type="submit" className="button button--danger" disabled={!reason || report.isPending}>
            {t("report.send")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
