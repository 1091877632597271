import { useI18n } from "../../i18n/i18n";
import { Dialog } from "../../ui/Dialog";
import { RelativeTime } from "../../ui/RelativeTime";
import { removeItem, type OutboxItem } from "./outbox-store";
import { retryOutbox } from "./use-outbox-runner";
import "./outbox.css";

/** What waits to go out, what is going, and what the server refused (with why). */
export function OutboxDialog({ items, onClose }: { items: readonly OutboxItem[]; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open onClose={onClose} title={t("outbox.title")} className="outbox">
      <p className="muted">{t("outbox.explain")}</p>
      {items.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <ul className="outbox__list">
          {items.map((item) => (
            <li key={item.input.clientId} className={`outbox__item outbox__item--${item.state}`}>
              <div className="outbox__what">
                <span className="outbox__kind">{t(item.kind === "post" ? "outbox.post" : "outbox.comment")}</span>
                <span className="outbox__label">{item.label}</span>
                <RelativeTime className="muted small" date={new Date(item.queuedAt)} />
              </div>
              <p className={item.state === "failed" ? "field__error" : "muted small"} role="status">
                {item.state === "failed"
                  ? t("outbox.failedBecause", { reason: item.error ?? "" })
                  : t(item.state === "sending" ? "outbox.sending" : "outbox.waiting")}
              </p>
              <div className="form__actions">
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => removeItem(item.input.clientId)}
                  disabled={item.state === "sending"}
                >
                  {t("outbox.discard")}
                </button>
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => retryOutbox(item.input.clientId)}
                  disabled={item.state === "sending"}
                >
                  {t("outbox.retry")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
