import type { TProfile } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { ConfirmButton } from "../../ui/ConfirmButton";

/**
 * Blocking is not Follow's equal: a quiet button at the end of the actions, and a
 * confirmation that says what it does. Unblocking is one click.
 */
export function BlockButton({ user, onChange }: { user: TProfile; onChange: () => unknown }) {
  const { t } = useI18n();
  const block = trpc.social.block.useMutation({ onSuccess: onChange });
  const unblock = trpc.social.unblock.useMutation({ onSuccess: onChange });
  if (user.blockedByMe) {
    return (
      <button type="button" className="button button--ghost" onClick={() => unblock.mutate({ userId: user.id })}>
        {t("profile.unblock")}
      </button>
    );
  }
  return (
    <ConfirmButton
      className="quiet-danger"
      label={t("profile.block")}
      title={t("profile.blockTitle", { handle: user.handle })}
      explain={t("profile.blockExplain")}
      onConfirm={() => block.mutateAsync({ userId: user.id })}
    />
  );
}
