import { useI18n } from "../../i18n/i18n";
import { describeError } from "../../i18n/describe-error";
import "./composer.css";

export interface TrayImage {
  key: string;
  url: string;
  /** 0–1 while uploading; null when stored. */
  progress: number | null;
  error?: unknown;
}

/** The post's images in order: move, remove, and watch uploads progress. */
export function ImageTray(props: {
  images: TrayImage[];
  onMove: (key: string, delta: -1 | 1) => void;
  onRemove: (key: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (props.images.length === 0) return null;
  return (
    <ol className="tray" aria-label={t("composer.images")} data-testid="image-tray">
      {props.images.map((image, index) => (
        <li key={image.key} className="tray__item">
          <img src={image.url} alt={t("composer.imageN", { n: index + 1 })} />
          {image.progress !== null && (
            <div
              className="tray__progress"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(image.progress * 100)}
              style={{ width: `${Math.round(image.progress * 100)}%` }}
            />
          )}
          {image.error !== undefined && (
            <p className="form__error small" role="alert">
              {describeError(image.error, i18n)}
            </p>
          )}
          <div className="tray__actions">
            <button
              type="button"
              className="icon-button"
              aria-label={t("composer.moveLeft")}
              disabled={index === 0}
              onClick={() => props.onMove(image.key, -1)}
            >
              ←
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t("composer.moveRight")}
              disabled={index === props.images.length - 1}
              onClick={() => props.onMove(image.key, 1)}
            >
              →
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t("composer.removeImage")}
              onClick={() => props.onRemove(image.key)}
            >
              ✕
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
