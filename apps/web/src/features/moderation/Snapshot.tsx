import type { TSnapshot } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { Avatar } from "../../ui/Avatar";
import { Markdown } from "../../ui/markdown/Markdown";
import { dateFormat } from "../../lib/date-format";
import "./moderation.css";

/**
 * What was reported, as it was when reported (an edit or deletion since hides
 * nothing): the title and text, the pictures (copies kept aside), and for a chat
 * message the ten messages before it, the reported one marked.
 */
export function Snapshot({ snapshot }: { snapshot: TSnapshot }) {
  const { t, language } = useI18n();
  if (snapshot.window) {
    const time = dateFormat(language, { dateStyle: "short", timeStyle: "short" });
    return (
      <div className="snapshot">
        <p className="muted small">{t("case.window")}</p>
        <ol className="snapshot__window">
          {snapshot.window.map((message) => (
            <li key={message.seq} className={message.reported ? "is-reported" : undefined}>
              <div className="snapshot__meta small">
                {message.author && <Avatar user={message.author} size={18} />}
                <strong>{message.author?.displayName ?? t("chat.deletedAccount")}</strong>
                <time className="muted" dateTime={message.createdAt.toISOString()}>
                  {time.format(message.createdAt)}
                </time>
                {message.reported && <span className="badge badge--hidden">{t("case.reportedMessage")}</span>}
              </div>
              <p className="snapshot__text">{message.body}</p>
            </li>
          ))}
        </ol>
        <SnapshotImages urls={snapshot.imageUrls} />
      </div>
    );
  }
  return (
    <div className="snapshot">
      {snapshot.title && <h3 className="snapshot__title">{snapshot.title}</h3>}
      {snapshot.body && (
        <div className="snapshot__body">
          <Markdown source={snapshot.body} />
        </div>
      )}
      <SnapshotImages urls={snapshot.imageUrls} />
    </div>
  );
}

function SnapshotImages({ urls }: { urls: string[] }) {
  const { t } = useI18n();
  if (urls.length === 0) return null;
  return (
    <div className="snapshot__images">
      {urls.map((url, index) => (
        <a
          key={url}
          href={url}
          target="_blank"
          rel="noreferrer"
          aria-label={t("image.open", { index: index + 1, count: urls.length })}
        >
          <img src={url} alt="" loading="lazy" />
        </a>
      ))}
    </div>
  );
}
