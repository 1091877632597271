import { useId, useState } from "react";
import type { TMeeting } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { ConfirmDialog } from "../../ui/ConfirmButton";

/**
 * Cancel, asked in the app like everything that cannot be undone, with the reason the
 * other person is told (required: the server refuses an empty one, and so does the form).
 */
export function CancelMeeting(props: { meeting: TMeeting; onCancel: (reason: string) => Promise<unknown> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const fieldId = useId();
  const other = props.meeting.role === "mentor" ? props.meeting.learner : props.meeting.mentor;
  return (
    <>
      <button type="button" className="button button--ghost" onClick={() => setOpen(true)}>
        {t("mentoring.cancel")}
      </button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        label={t("mentoring.cancel")}
        title={t("mentoring.cancelTitle")}
        disabled={!reason.trim()}
        explain={
          <>
            {t("mentoring.cancelExplain", { name: other.displayName })}
            <label className="field" htmlFor={fieldId}>
              <span>{t("mentoring.cancelReason")}</span>
              <textarea
                id={fieldId}
                rows={2}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
          </>
        }
        onConfirm={() => props.onCancel(reason.trim())}
      />
    </>
  );
}
