import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { Avatar } from "../../ui/Avatar";

/** The people I blocked, each with a way back. */
export function BlockedSection() {
  const { t } = useI18n();
  const utils = trpc.useUtils();
  const blocked = trpc.social.blocked.useQuery();
  const unblock = trpc.social.unblock.useMutation({ onSuccess: () => utils.social.blocked.invalidate() });
  return (
    <section className="choice" aria-labelledby="blocked-title">
      <h2 id="blocked-title" className="section-title">
        {t("settings.blocked")}
      </h2>
      <p className="muted small">{t("settings.blockedHint")}</p>
      {blocked.data?.length === 0 && <p className="muted small">{t("settings.blockedNone")}</p>}
      <ul className="sessions" data-testid="blocked">
        {blocked.data?.map((person) => (
          <li key={person.id} className="sessions__row">
            <div className="person">
              <Avatar user={person} size={28} />
              <Link to={`/u/${person.handle}`}>{person.displayName}</Link>
              <span className="muted small">@{person.handle}</span>
            </div>
            <button
              type="button"
              className="button"
              disabled={unblock.isPending}
              onClick={() => unblock.mutate({ userId: person.id })}
            >
              {t("profile.unblock")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
