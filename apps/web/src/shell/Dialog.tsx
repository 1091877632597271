import { useEffect, useRef, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n";

/** A modal on the native <dialog>: focus trap, Esc and backdrop come with it. */
export function Dialog(props: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${props.className ?? ""}`}
      aria-label={props.title}
      onClose={props.onClose}
      onClick={(e) => {
        if (e.target === ref.current) props.onClose();
      }}
    >
      {props.open && (
        <div className="dialog__body">
          <header className="dialog__header">
            <h2>{props.title}</h2>
            <button type="button" className="icon-button" onClick={props.onClose} aria-label={t("close")}>
              ✕
            </button>
          </header>
          {props.children}
        </div>
      )}
    </dialog>
  );
}
