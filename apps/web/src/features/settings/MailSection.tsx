import { digestFrequencies, unreadMailDelays } from "@orgo/api-contract/constants";
import type { TDelivery, TSetDeliveryInput } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { FormError } from "../../ui/FormError";
import "./delivery-messages";
import "./settings.css";

/** By mail (unread messages, the digest), and how push reads on a lock screen. */
export function MailSection() {
  const { t } = useI18n();
  const utils = trpc.useUtils();
  const delivery = trpc.notification.delivery.useQuery();
  const set = trpc.notification.setDelivery.useMutation({
    // The choice shows at once; the server's answer (or a refetch, if it refused) settles it.
    onMutate: (input: TSetDeliveryInput) =>
      utils.notification.delivery.setData(undefined, (old) => old && { ...old, ...input }),
    onSuccess: (answer: TDelivery) => utils.notification.delivery.setData(undefined, answer),
    onError: () => void utils.notification.delivery.invalidate(),
  });
  const d = delivery.data;
  if (!d) return null;
  return (
    <div className="delivery" data-testid="mail-section">
      <label className="delivery__check">
        <input
          type="checkbox"
          checked={d.pushHidesContent}
          onChange={(event) => set.mutate({ pushHidesContent: event.target.checked })}
        />{" "}
        {t("settings.push.hideContents")}
      </label>
      <h3 className="section-subtitle">{t("settings.mail.title")}</h3>
      {!d.mailReachable && <p className="muted small">{t("settings.mail.unreachable")}</p>}
      <p className="field">
        <label htmlFor="unread-mail">{t("settings.mail.unread")}</label>
        <select
          id="unread-mail"
          value={d.unreadMail}
          disabled={!d.mailReachable}
          onChange={(event) => set.mutate({ unreadMail: event.target.value as TDelivery["unreadMail"] })}
        >
          {unreadMailDelays.map((value) => (
            <option key={value} value={value}>
              {t(`settings.mail.unread.${value}`)}
            </option>
          ))}
        </select>
      </p>
      <p className="field">
        <label htmlFor="digest-mail">{t("settings.mail.digest")}</label>
        <select
          id="digest-mail"
          value={d.digest}
          disabled={!d.mailReachable}
          onChange={(event) => set.mutate({ digest: event.target.value as TDelivery["digest"] })}
        >
          {digestFrequencies.map((value) => (
            <option key={value} value={value}>
              {t(`settings.mail.digest.${value}`)}
            </option>
          ))}
        </select>
      </p>
      <FormError error={set.error} />
    </div>
  );
}
