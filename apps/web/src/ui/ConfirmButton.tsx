import { useState, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import { describeError } from "../i18n/describe-error";
import { Dialog } from "./Dialog";

interface ConfirmText {
  /** The button that asks, and the dialog's action. */
  label: string;
  /** The dialog's question: "Delete this post?" */
  title: string;
  /** What happens, in a sentence. */
  explain: ReactNode;
  onConfirm: () => Promise<unknown>;
}

/**
 * Every action that cannot be taken back asks the same way: an in-app dialog that
 * says what happens, with Cancel first (where focus starts) and the action in red.
 * The dialog stays open with the reason if the server refuses, and closes once done.
 * (Never the browser's `confirm()`, never a silent one-click delete.)
 */
export function ConfirmButton(props: ConfirmText & { className?: string }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className={props.className ?? "button button--ghost"} onClick={() => setAsking(true)}>
        {props.label}
      </button>
      <ConfirmDialog {...props} open={asking} onClose={() => setAsking(false)} />
    </>
  );
}

/** The same question, opened by its caller (a menu's item, where no button of its own stays on screen). */
export function ConfirmDialog(
  props: ConfirmText & {
    open: boolean;
    onClose: () => void;
    /** The action waits for something the dialog asks (a reason). */
    disabled?: boolean;
  },
) {
  const i18n = useI18n();
  const { t } = i18n;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    props.onClose();
    setError(null);
  };
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (refused) {
      setError(refused);
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open={props.open} onClose={close} title={props.title}>
      <p>{props.explain}</p>
      {error !== null && (
        <p className="form__error" role="alert">
          {describeError(error, i18n)}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={close} data-autofocus>
          {t("composer.cancel")}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={pending || props.disabled}
          onClick={() => void confirm()}
        >
          {props.label}
        </button>
      </div>
    </Dialog>
  );
}
