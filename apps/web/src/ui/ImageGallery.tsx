import { useState, type KeyboardEvent } from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useI18n } from "../i18n/i18n";
import { Dialog } from "./Dialog";
import "./image-gallery.css";

export interface LightboxImage {
  url: string;
  width: number;
  height: number;
}

/**
 * A row of pictures that open large on a click (or Enter): ← and → go through them,
 * Esc closes and gives focus back to the picture that opened it.
 */
export function ImageGallery({ images, className }: { images: LightboxImage[]; className?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  const count = images.length;
  const step = (delta: number) => setOpen((index) => (index === null ? null : (index + delta + count) % count));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowRight") step(1);
    else if (event.key === "ArrowLeft") step(-1);
    else return;
    event.preventDefault();
  };
  const shown = open === null ? null : images[open];
  return (
    <div className={className}>
      {images.map((image, index) => (
        <button
          key={image.url}
          type="button"
          className="gallery__open"
          aria-label={t("image.open", { index: index + 1, count })}
          onClick={() => setOpen(index)}
        >
          <img src={image.url} width={image.width} height={image.height} alt="" loading="lazy" />
        </button>
      ))}
      <Dialog
        open={shown !== null && shown !== undefined}
        onClose={() => setOpen(null)}
        title={t("image.title", { index: (open ?? 0) + 1, count })}
        className="dialog--lightbox"
      >
        {shown && (
          <div className="lightbox" onKeyDown={onKeyDown} data-testid="lightbox">
            {count > 1 && (
              <button
                type="button"
                className="icon-button lightbox__step"
                onClick={() => step(-1)}
                aria-label={t("image.previous")}
              >
                <ChevronLeft aria-hidden />
              </button>
            )}
            <img
              className="lightbox__image"
              src={shown.url}
              width={shown.width}
              height={shown.height}
              alt=""
              tabIndex={-1}
              data-autofocus
            />
            {count > 1 && (
              <button
                type="button"
                className="icon-button lightbox__step"
                onClick={() => step(1)}
                aria-label={t("image.next")}
              >
                <ChevronRight aria-hidden />
              </button>
            )}
          </div>
        )}
      </Dialog>
    </div>
  );
}
