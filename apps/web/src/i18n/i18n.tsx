import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { ServerMessageKey } from "@orgo/api-contract/schemas";
import { formatMessage, type Message, type MessageValues } from "@orgo/api-contract/constants";
import type { MessageKey } from "./messages";
import { detectLanguage, type Language } from "../lib/detect-language";
import { dateFormat } from "../lib/date-format";

export type { Language };

// Each language's table is a chunk of its own, loaded by loadLanguage before it is
// shown: nobody downloads both for the first screen. The server's messages in Korean
// (needed only when the server answers with one) follow without holding up the first
// render.
// A table's messages are ICU text, or (in the build) already parsed: see format-message.ts.
type Table = Partial<Record<MessageKey, Message>>;
const tables: Partial<Record<Language, Table>> = {};
/** Tables lazy sections brought along, kept to merge into a language loaded later. */
const extras: Partial<Record<Language, Table>>[] = [];
// The Korean server messages and the English table they are found by (the server
// sends its English text): a chunk of their own, needed only when the server refuses.
/** The server's messages in Korean, by key (loaded with the Korean table). */
let serverKo: Partial<Record<ServerMessageKey, string>> | undefined;
const STORAGE_KEY = "orgo.language";

/** Makes a language's table available; start.tsx awaits the reader's before the first render. */
export async function loadLanguage(language: Language): Promise<void> {
  if (tables[language]) return;
  if (language === "en") {
    tables.en = { ...(await import("./messages")).en };
  } else {
    void import("./server-messages").then((server) => (serverKo = server.serverMessagesKo));
    tables.ko = { ...(await import("./messages-ko")).ko };
  }
  for (const extra of extras) Object.assign(tables[language] ?? {}, extra[language]);
}

/**
 * Adds the strings a lazy section brings with it (both languages) to the tables. Its
 * chunk calls this when it loads, before its components render.
 */
export function addMessages(extra: Record<Language, Partial<Record<MessageKey, string>>>): void {
  extras.push(extra);
  for (const language of ["en", "ko"] as const) Object.assign(tables[language] ?? {}, extra[language]);
}

export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === "ko" || saved === "en") return saved;
  return detectLanguage(navigator.languages ?? [navigator.language]);
}

/** A message in the reader's language: ICU MessageFormat, plurals by the language's rules. */
export type Translate = (key: MessageKey, params?: MessageValues) => string;

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /**
   * A message from the server, in the reader's language: by its key in the server's
   * table (the error carries it), else as the server wrote it.
   */
  tServer: (key: ServerMessageKey | null | undefined, text: string) => string;
  formatDate: (date: Date) => string;
  /** A day without its clock time ("March 3, 2026"): when someone joined. */
  formatDay: (date: Date) => string;
  /**
   * A calendar day, or a span of them, written "YYYY-MM-DD" (a study's dates): "Mar 10 –
   * Apr 10, 2099" / "2099년 3월 10일~4월 10일". The same day wherever the reader is.
   */
  formatDays: (from: string, to?: string) => string;
}

/** "2099-03-10" as that day's UTC midnight, to be formatted in UTC: no zone can move it. */
const calendarDay = (day: string) => new Date(`${day}T00:00:00Z`);

const I18nContext = createContext<I18n | null>(null);

/** What `useI18n` gives, in one language (its table loaded by loadLanguage first). */
function i18nFor(language: Language, setLanguage: (language: Language) => void): I18n {
  // Loaded before the first render; a table that could not load falls back to the
  // other, and a key with no table at all shows as itself (never a crash).
  const table: Table = tables[language] ?? tables.en ?? tables.ko ?? {};
  return {
    language,
    setLanguage,
    t: (key, params) => formatMessage(table[key] ?? key, language, params),
    tServer: (key, text) => (language === "ko" && key && serverKo?.[key]) || text,
    formatDate: (date) => dateFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date),
    formatDay: (date) => dateFormat(language, { dateStyle: "long" }).format(date),
    formatDays: (from, to) => {
      const format = dateFormat(language, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
      const start = calendarDay(from);
      if (Number.isNaN(start.getTime())) return to ? `${from} – ${to}` : from;
      if (!to || to === from) return format.format(start);
      const end = calendarDay(to);
      return Number.isNaN(end.getTime()) ? format.format(start) : format.formatRange(start, end);
    },
  };
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    void loadLanguage(next).then(() => setLanguageState(next));
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => i18nFor(language, setLanguage), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * One fixed language, outside the app's provider: what a server-side render of a
 * component (the Markdown tests) needs. Await loadLanguage(language) first.
 */
export function FixedLanguage({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => i18nFor(language, () => undefined), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
