import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Download, FileArchive, FileCode, FileText, Eye } from "lucide-react";
import "./files.css";
import { FILE_PREVIEW_MAX_BYTES } from "@orgo/api-contract/constants";
import type { TSharedFile } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { Dialog } from "../Dialog";
import { Markdown } from "../markdown/Markdown";

const ICONS = { pdf: FileText, zip: FileArchive, text: FileCode };

/** "1.2 MB", "640 KB", "12 B": the size a person reads. */
function sizeOf(bytes: number, language: string): string {
  const format = (value: number, unit: "byte" | "kilobyte" | "megabyte") =>
    new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "narrow", maximumFractionDigits: 1 }).format(
      value,
    );
  if (bytes >= 1024 * 1024) return format(bytes / (1024 * 1024), "megabyte");
  if (bytes >= 1024) return format(bytes / 1024, "kilobyte");
  return format(bytes, "byte");
}

/** A file's icon, name and size (in a composer, before sending). */
export function FileChip({ file }: { file: TSharedFile }) {
  const { language } = useI18n();
  const Icon = ICONS[file.kind];
  return (
    <span className="file-chip">
      <Icon size={18} aria-hidden />
      <span className="file-chip__name">{file.name}</span>
      <span className="muted small">{sizeOf(file.size, language)}</span>
    </span>
  );
}

/**
 * A message's or a post's files: each with its icon, name and size, a download (always
 * a download: the server sends every shared file as an attachment), and for text and
 * code a preview with highlighting, read from the same address.
 */
export function SharedFiles({ files }: { files: TSharedFile[] }) {
  const { t } = useI18n();
  const [previewing, setPreviewing] = useState<TSharedFile | null>(null);
  return (
    <>
      <ul className="message-files" data-testid="message-files">
        {files.map((file) => (
          <li key={file.id} className="message-files__item">
            <FileChip file={file} />
            {file.kind === "text" && (
              <button
                type="button"
                className="icon-button"
                aria-label={t("files.preview", { name: file.name })}
                title={t("files.preview", { name: file.name })}
                onClick={() => setPreviewing(file)}
                data-testid="preview-file"
              >
                <Eye size={16} aria-hidden />
              </button>
            )}
            <a
              className="icon-button"
              href={file.url}
              download={file.name}
              aria-label={t("files.download", { name: file.name })}
              title={t("files.download", { name: file.name })}
              data-testid="download-file"
            >
              <Download size={16} aria-hidden />
            </a>
          </li>
        ))}
      </ul>
      {previewing && (
        <Dialog open onClose={() => setPreviewing(null)} title={previewing.name} className="file-preview">
          <FilePreview file={previewing} />
        </Dialog>
      )}
    </>
  );
}

/** A fence longer than any run of backticks in the text: the file shows as written, whatever it holds. */
function fenced(text: string, language: string | null): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language ?? "text"}\n${text}\n${fence}`;
}

function FilePreview({ file }: { file: TSharedFile }) {
  const { t } = useI18n();
  const text = useQuery({
    queryKey: ["file-preview", file.url],
    queryFn: async () => {
      const response = await fetch(file.url);
      if (!response.ok) throw new Error(String(response.status));
      const bytes = new Uint8Array(await response.arrayBuffer());
      const shown = bytes.byteLength > FILE_PREVIEW_MAX_BYTES ? bytes.slice(0, FILE_PREVIEW_MAX_BYTES) : bytes;
      return { text: new TextDecoder().decode(shown), cut: file.size > FILE_PREVIEW_MAX_BYTES };
    },
    staleTime: Infinity,
  });
  if (text.isPending) return <p className="muted">{t("files.loading")}</p>;
  if (text.isError) return <p role="alert">{t("files.previewFailed")}</p>;
  return (
    <div className="file-preview__body" data-testid="file-preview">
      <Markdown source={fenced(text.data.text, file.language)} />
      {text.data.cut && <p className="muted small">{t("files.previewCut")}</p>}
    </div>
  );
}
