import { NavLink } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { Avatar } from "../../ui/Avatar";
import { restartApp, useMe } from "./use-me";

/** Bottom of the rail: who I am and sign-out, or the way in. */
export function AccountButton() {
  const { t } = useI18n();
  const me = useMe();
  const signOut = trpc.auth.signOut.useMutation({ onSettled: () => restartApp("/") });
  if (me.data === undefined) return null;
  if (me.data === null) {
    return (
      <NavLink to="/signin" className="rail__item" title={t("auth.signIn")}>
        <span aria-hidden className="rail__icon">
          ⇥
        </span>
        <span className="rail__label">{t("auth.signIn")}</span>
      </NavLink>
    );
  }
  return (
    <div className="rail__account" data-testid="account">
      <NavLink
        to={`/u/${me.data.handle}`}
        className="rail__item rail__me"
        title={t("auth.signedInAs", { handle: me.data.handle })}
      >
        <Avatar user={me.data} size={28} label={t("auth.signedInAs", { handle: me.data.handle })} />
        <span className="rail__label">{t("nav.profile")}</span>
      </NavLink>
      <button type="button" className="rail__item" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        <span aria-hidden className="rail__icon">
          ⇤
        </span>
        <span className="rail__label">{t("auth.signOut")}</span>
      </button>
    </div>
  );
}
