import { Suspense, useState } from "react";
import { useI18n } from "../../i18n/i18n";
import { lazyPage } from "../../lib/lazy-page";
import { useMe } from "../auth/use-me";
import { useOutbox } from "./outbox-store";
import { useOutboxRunner } from "./use-outbox-runner";
import "./outbox.css";

// The list is a dialog of its own chunk (most visits never have anything waiting),
// fetched with the other overlays once the page is idle: it is needed offline.
export const loadOutboxDialog = () => import("./OutboxDialog");
const OutboxDialog = lazyPage(loadOutboxDialog, "OutboxDialog");

/**
 * The top bar's "Outbox · 2" while writes wait for the connection (or were
 * refused): it opens the list of them. It also runs the outbox for the signed-in
 * person.
 */
export function OutboxButton() {
  const { t } = useI18n();
  const me = useMe();
  const userId = me.data?.id;
  useOutboxRunner(userId);
  const items = useOutbox(userId);
  const [open, setOpen] = useState(false);
  const failed = items.filter((item) => item.state === "failed").length;
  return (
    <>
      {items.length > 0 && (
        <button
          type="button"
          className={`outbox-button${failed ? " outbox-button--failed" : ""}`}
          data-testid="outbox"
          onClick={() => setOpen(true)}
        >
          {t("outbox.button", { count: items.length })}
        </button>
      )}
      {open && (
        <Suspense fallback={null}>
          <OutboxDialog items={items} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
