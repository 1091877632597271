import { useRef } from "react";
import { X } from "lucide-react";
import { CHAT_FILES_MAX, FILE_MAX_BYTES } from "@orgo/api-contract/constants";
import type { TSharedFile } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { uploadSharedFile } from "../../lib/upload";
import { useUploads } from "../../lib/use-uploads";
import { describeError } from "../../i18n/describe-error";
import { FileChip } from "../../ui/files/SharedFiles";

/**
 * A post's files (PDF, ZIP, text and code, up to 4 of 20 MB at most): picked, uploaded
 * at once with progress, listed with their size, removed before publishing.
 */
export function ComposerFiles(props: {
  files: TSharedFile[];
  onAdd: (file: TSharedFile) => void;
  onRemove: (id: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const input = useRef<HTMLInputElement>(null);
  const uploads = useUploads<TSharedFile>();
  const uploading = uploads.items;

  const add = (picked: FileList) => {
    const room = CHAT_FILES_MAX - props.files.length - uploading.filter((u) => !u.error).length;
    for (const file of [...picked].slice(0, Math.max(0, room))) {
      uploads.start(file, uploadSharedFile, {
        refusal: file.size > FILE_MAX_BYTES ? t("files.tooLarge") : null,
        onDone: props.onAdd,
      });
    }
  };

  return (
    <div className="composer__files">
      {(props.files.length > 0 || uploading.length > 0) && (
        <ul className="message-files" data-testid="composer-files">
          {props.files.map((file) => (
            <li key={file.id} className="message-files__item">
              <FileChip file={file} />
              <button
                type="button"
                className="icon-button"
                aria-label={t("files.remove", { name: file.name })}
                onClick={() => props.onRemove(file.id)}
              >
                <X size={14} aria-hidden />
              </button>
            </li>
          ))}
          {uploading.map((u) => (
            <li key={u.key} className="message-files__item">
              <span
                className={`small${u.error ? " chat__attachment-error" : " muted"}`}
                role={u.error ? "alert" : undefined}
              >
                {u.name}: {u.error ? describeError(u.error, i18n) : `${Math.round(u.progress * 100)}%`}
              </span>
              {Boolean(u.error) && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t("files.remove", { name: u.name })}
                  onClick={() => uploads.drop(u.key)}
                >
                  <X size={14} aria-hidden />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button button--ghost"
        disabled={props.files.length >= CHAT_FILES_MAX}
        onClick={() => input.current?.click()}
        data-testid="composer-add-file"
      >
        {t("composer.addFiles", { count: props.files.length, max: CHAT_FILES_MAX })}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(event) => {
          if (event.target.files) add(event.target.files);
          event.target.value = "";
        }}
        data-testid="composer-file-input"
      />
    </div>
  );
}
