import { useState } from "react";
import type { TProfile } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { Dialog } from "../../ui/Dialog";

/**
 * Blocking is not Follow's equal: a quiet button at the end of the actions, and a
 * confirmation that says what it does. Unblocking is one click.
 */
export function BlockButton({ user, onChange }: { user: TProfile; onChange: () => unknown }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const block = trpc.social.block.useMutation({
    onSuccess: () => {
      setAsking(false);
      return onChange();
    },
  });
  const unblock = trpc.social.unblock.useMutation({ onSuccess: onChange });
  if (user.blockedByMe) {
    return (
      <button type="button" className="button button--ghost" onClick={() => unblock.mutate({ userId: user.id })}>
        {t("profile.unblock")}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="quiet-danger" onClick={() => setAsking(true)}>
        {t("profile.block")}
      </button>
      <Dialog open={asking} onClose={() => setAsking(false)} title={t("profile.blockTitle", { handle: user.handle })}>
        <p>{t("profile.blockExplain")}</p>
        <div className="form__actions">
          <button type="button" className="button" onClick={() => setAsking(false)} data-autofocus>
            {t("composer.cancel")}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={block.isPending}
            onClick={() => block.mutate({ userId: user.id })}
          >
            {t("profile.block")}
          </button>
        </div>
      </Dialog>
    </>
  );
}
