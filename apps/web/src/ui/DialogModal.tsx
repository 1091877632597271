import type { ReactNode } from "react";
import * as RadixDialog from "@radix-ui/react-dialog";
import { useI18n } from "../i18n/i18n";
import "./dialog.css";

/** The first field of the dialog's body: where a person starts typing. */
const FIRST_FIELD = ".dialog__content :is(input:not([type=hidden]), textarea, select, [data-autofocus])";

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  className?: string;
}

/** Dialog's modal, on Radix's Dialog (see Dialog.tsx): a chunk of its own, loaded on first use. */
export function DialogModal(props: DialogProps & { returnFocus: (event: Event) => void }) {
  const { t } = useI18n();
  return (
    <RadixDialog.Root open={props.open} onOpenChange={(open) => !open && props.onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog__overlay" />
        <RadixDialog.Content
          className={`dialog ${props.className ?? ""}`}
          aria-describedby={undefined}
          onCloseAutoFocus={props.returnFocus}
          onOpenAutoFocus={(event) => {
            const content = event.currentTarget as HTMLElement;
            const field = content.querySelector<HTMLElement>(FIRST_FIELD);
            event.preventDefault();
            (field ?? content).focus();
          }}
        >
          <div className="dialog__body">
            <div className="dialog__header">
              <RadixDialog.Title asChild>
                <h2>{props.title}</h2>
              </RadixDialog.Title>
              <RadixDialog.Close className="icon-button" aria-label={t("close")}>
                ✕
              </RadixDialog.Close>
            </div>
            <div className="dialog__content">{props.children}</div>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
