import type { ReactNode } from "react";
import * as RadixDialog from "@radix-ui/react-dialog";
import { useI18n } from "../i18n/i18n";
import { useFocusReturn } from "../lib/use-focus-return";
import "./dialog.css";

/** The first field of the dialog's body: where a person starts typing. */
const FIRST_FIELD = ".dialog__content :is(input:not([type=hidden]), textarea, select, [data-autofocus])";

/**
 * A modal on Radix's Dialog: focus is trapped inside, starts in the first field (not
 * on ✕: typing "Hi there" into a composer must not close it at the space), and
 * returns to what had it before on close. Esc and a click outside close it.
 */
export function Dialog(props: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  const returnFocus = useFocusReturn(props.open);
  return (
    <RadixDialog.Root open={props.open} onOpenChange={(open) => !open && props.onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog__overlay" />
        <RadixDialog.Content
          className={`dialog ${props.className ?? ""}`}
          aria-describedby={undefined}
          onCloseAutoFocus={returnFocus}
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
