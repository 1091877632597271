import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { AppError, serverMessages as m } from "@orgo/api-contract";

export interface SniffedFile {
  kind: "pdf" | "zip" | "text";
  /** The stored file's extension, from what it is (never from its name). */
  extension: "pdf" | "zip" | "txt";
  contentType: string;
  /** highlight.js's name for a text file's language (from its name), null otherwise. */
  language: string | null;
}

/** What a shared file is served as, by its stored extension (what its bytes are). */
export const SHARED_FILE_TYPES = {
  pdf: "application/pdf",
  zip: "application/zip",
  txt: "text/plain; charset=utf-8",
} as const;

/** Binary formats that may be shared, as file-type names them from the bytes. */
const BINARY: Record<string, Omit<SniffedFile, "language">> = {
  "application/pdf": { kind: "pdf", extension: "pdf", contentType: SHARED_FILE_TYPES.pdf },
  "application/zip": { kind: "zip", extension: "zip", contentType: SHARED_FILE_TYPES.zip },
};

/** A text file's extension → highlight.js language (what the preview colours it as). */
const LANGUAGES: Record<string, string> = {
  ts: "typescript",
  tsx: "typescript",
  mts: "typescript",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  py: "python",
  java: "java",
  kt: "kotlin",
  go: "go",
  rs: "rust",
  c: "c",
  h: "c",
  cpp: "cpp",
  cc: "cpp",
  hpp: "cpp",
  cs: "csharp",
  rb: "ruby",
  php: "php",
  swift: "swift",
  sql: "sql",
  sh: "bash",
  bash: "bash",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
  toml: "ini",
  ini: "ini",
  md: "markdown",
  html: "xml",
  htm: "xml",
  xml: "xml",
  svg: "xml",
  css: "css",
  scss: "scss",
  dart: "dart",
  lua: "lua",
  r: "r",
  dockerfile: "dockerfile",
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Valid UTF-8 without NUL or other C0 controls than tab, line feed, form feed and carriage return. */
function isText(bytes: Uint8Array): boolean {
  try {
    const text = utf8.decode(bytes);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
    return !/[\u0000-\u0008\u000b\u000e-\u001f]/.test(text);
  } catch {
    return false;
  }
}

/**
 * What a shared file is, from its bytes: a PDF or a ZIP archive by their signatures
 * (file-type), else text when it is clean UTF-8; anything else (pictures, programs,
 * office documents…) is refused. The name only picks a text file's highlighting: a
 * page named "report.pdf" is text, stored and served as text/plain, and downloaded.
 */
export async function sniffFile(bytes: Uint8Array, name: string): Promise<SniffedFile> {
  const type = await fileTypeFromBuffer(bytes);
  if (type) {
    const binary = BINARY[type.mime];
    if (!binary) throw new AppError("VALIDATION", m.fileUnsupported);
    return { ...binary, language: null };
  }
  if (!isText(bytes)) throw new AppError("VALIDATION", m.fileUnsupported);
  return { kind: "text", extension: "txt", contentType: SHARED_FILE_TYPES.txt, language: languageOfName(name) };
}

/** A text file's highlighting language, from its name ("Dockerfile", "main.ts"); null for plain text. */
export function languageOfName(name: string): string | null {
  const base = name.toLowerCase();
  const extension = base === "dockerfile" ? "dockerfile" : path.extname(base).slice(1);
  return LANGUAGES[extension] ?? null;
}

/**
 * A file name made safe to store and to send back in a header: no folders, no control
 * characters or quotes, ≤ 200 characters (its extension kept); "" when nothing is left.
 */
export function safeFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const base = (raw.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  if (base === "." || base === "..") return "";
  if (base.length <= 200) return base;
  const extension = path.extname(base).slice(0, 20);
  return `${base.slice(0, 200 - extension.length)}${extension}`;
}

/** A shared file's name as given, made safe (safeFileName); a name is required. */
export function cleanFileName(raw: string): string {
  const name = safeFileName(raw);
  if (!name) throw new AppError("VALIDATION", m.fileNameRequired);
  return name;
}
