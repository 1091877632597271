import { Suspense } from "react";
import { lazyPage } from "../lib/lazy-page";
import { useEver } from "../lib/use-ever";
import { useFocusReturn } from "../lib/use-focus-return";
import type { DialogProps } from "./DialogModal";

/** The modal's code (Radix's Dialog, its focus trap and scroll lock): fetched when the page is idle or a dialog opens. */
export const loadDialog = () => import("./DialogModal");
const DialogModal = lazyPage(loadDialog, "DialogModal");

/**
 * A modal on Radix's Dialog: focus is trapped inside, starts in the first field (not
 * on ✕: typing "Hi there" into a composer must not close it at the space), and
 * returns to what had it before on close. Esc and a click outside close it.
 *
 * A page that can open one (a post: delete, report, a picture) does not run Radix's
 * code before it is asked for: the modal is drawn from the first time it opens. Where
 * focus returns is taken here, when it opens, whether or not the code has arrived.
 */
export function Dialog(props: DialogProps) {
  const returnFocus = useFocusReturn(props.open);
  const wanted = useEver(props.open);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <DialogModal {...props} returnFocus={returnFocus} />
    </Suspense>
  );
}
