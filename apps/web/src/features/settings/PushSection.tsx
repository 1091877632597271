import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { FormError } from "../../ui/FormError";
import { deviceName } from "./device-name";
import { currentSubscription, pushSupported, subscribeThisDevice } from "./push-subscription";
import "./delivery-messages";
import "./settings.css";

/**
 * "This device": push on or off here (the browser's permission asked only from the
 * button), and every device that receives push, each removable.
 */
export function PushSection() {
  const { t, formatDate } = useI18n();
  const utils = trpc.useUtils();
  const config = trpc.push.config.useQuery();
  const [endpoint, setEndpoint] = useState<string | null | undefined>(undefined);
  const [problem, setProblem] = useState<"blocked" | "failed" | null>(null);
  useEffect(() => {
    void currentSubscription().then((subscription) => setEndpoint(subscription?.endpoint ?? null));
  }, []);
  const devices = trpc.push.devices.useQuery(endpoint ? { endpoint } : undefined, { enabled: endpoint !== undefined });
  const refresh = () => void utils.push.devices.invalidate();
  const subscribe = trpc.push.subscribe.useMutation({ onSuccess: refresh });
  const remove = trpc.push.unsubscribe.useMutation({ onSuccess: refresh });
  const current = devices.data?.find((device) => device.current);

  async function turnOn() {
    setProblem(null);
    const publicKey = config.data?.publicKey;
    if (!publicKey) return;
    try {
      const subscription = await subscribeThisDevice(publicKey);
      if (subscription === "blocked") return setProblem("blocked");
      await subscribe.mutateAsync(subscription);
      setEndpoint(subscription.endpoint);
    } catch {
      setProblem("failed");
    }
  }

  async function turnOff() {
    if (current) await remove.mutateAsync({ id: current.id });
    await (await currentSubscription())?.unsubscribe();
    setEndpoint(null);
  }

  const status = !pushSupported()
    ? t("settings.push.unsupported")
    : config.data && !config.data.publicKey
      ? t("settings.push.serverOff")
      : problem === "blocked" || (typeof Notification !== "undefined" && Notification.permission === "denied")
        ? t("settings.push.blocked")
        : problem === "failed"
          ? t("settings.push.failed")
          : current
            ? t("settings.push.on")
            : null;
  const canTurnOn = pushSupported() && Boolean(config.data?.publicKey) && !current;
  return (
    <div className="delivery" data-testid="push-section">
      <h3 className="section-subtitle">{t("settings.push.title")}</h3>
      <p className="muted small">{t("settings.push.hint")}</p>
      {status && (
        <p className="small" role="status" data-testid="push-status">
          {status}
        </p>
      )}
      <p>
        {canTurnOn ? (
          <button type="button" className="button" disabled={subscribe.isPending} onClick={() => void turnOn()}>
            {t("settings.push.turnOn")}
          </button>
        ) : current ? (
          <button type="button" className="button" disabled={remove.isPending} onClick={() => void turnOff()}>
            {t("settings.push.turnOff")}
          </button>
        ) : null}
      </p>
      <h3 className="section-subtitle">{t("settings.push.devices")}</h3>
      {devices.data?.length === 0 && <p className="muted small">{t("settings.push.noDevices")}</p>}
      <ul className="sessions" data-testid="push-devices">
        {devices.data?.map((device) => (
          <li key={device.id} className="sessions__row">
            <div>
              <strong>{deviceName(device.userAgent) ?? t("settings.unknownDevice")}</strong>
              {device.current && <span className="badge">{t("settings.thisDevice")}</span>}
              <div className="muted small">
                {t("settings.push.added", { time: formatDate(device.createdAt) })}
                {device.lastPushAt && ` · ${t("settings.push.lastPush", { time: formatDate(device.lastPushAt) })}`}
              </div>
            </div>
            <button
              type="button"
              className="button"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: device.id })}
            >
              {t("settings.push.remove")}
            </button>
          </li>
        ))}
      </ul>
      <FormError error={subscribe.error ?? remove.error} />
    </div>
  );
}
