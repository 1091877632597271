import { X } from "lucide-react";
import "./previews.css";
import type { TLinkPreview } from "@orgo/api-contract/schemas";
import { useI18n } from "../../../i18n/i18n";

/**
 * A message's first link as the server read it: its picture (served by us, never
 * fetched from the site by this browser), site, title and description, opening the
 * link in a new tab. The sender can take it off the message.
 */
export function LinkPreviewCard({ preview, onRemove }: { preview: TLinkPreview; onRemove?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="link-preview" data-testid="link-preview">
      <a className="link-preview__link" href={preview.url} target="_blank" rel="noopener noreferrer ugc">
        {preview.imageUrl && <img className="link-preview__image" src={preview.imageUrl} alt="" loading="lazy" />}
        <span className="link-preview__text">
          <span className="link-preview__site muted small">{preview.siteName}</span>
          <strong className="link-preview__title">{preview.title}</strong>
          {preview.description && <span className="link-preview__description small">{preview.description}</span>}
        </span>
      </a>
      {onRemove && (
        <button
          type="button"
          className="icon-button link-preview__remove"
          aria-label={t("chat.removePreview")}
          title={t("chat.removePreview")}
          onClick={onRemove}
          data-testid="remove-preview"
        >
          <X size={14} aria-hidden />
        </button>
      )}
    </div>
  );
}
