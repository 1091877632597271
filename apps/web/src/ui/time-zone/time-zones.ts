import type { Language } from "../../lib/detect-language";

/** A zone as the picker shows and searches it. */
export interface ZoneOption {
  /** The IANA id, what is stored: "Asia/Seoul". */
  id: string;
  /** "Seoul", "Buenos Aires", "UTC". */
  city: string;
  /** The zone's generic name in the reader's language: "Korean Standard Time", "대한민국 시간". */
  name: string;
  /** Its offset now: "GMT+9", "GMT-3", "GMT". */
  offset: string;
  /** Minutes east of UTC now, to sort by. */
  minutes: number;
  /** "Seoul (Korean Standard Time, GMT+9)". */
  label: string;
  /** Everything a search may match: id, city, the name in both languages, the offset. */
  keywords: string[];
}

const locales: Record<Language, string> = { en: "en-US", ko: "ko-KR" };

/** The browser's own zone: the one a person most likely means. */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function nameOf(id: string, locale: string, style: "longGeneric" | "shortOffset", at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: id, timeZoneName: style }).formatToParts(at);
    return parts.find((part) => part.type === "timeZoneName")?.value ?? id;
  } catch {
    return id;
  }
}

function minutesOf(offset: string): number {
  const match = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(offset);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

export function zoneOption(id: string, language: Language, at = new Date()): ZoneOption {
  const city = (id.split("/").pop() ?? id).replace(/_/g, " ");
  const name = nameOf(id, locales[language], "longGeneric", at);
  const english = language === "en" ? name : nameOf(id, locales.en, "longGeneric", at);
  // "GMT+0" (Chromium's for UTC) reads as "GMT".
  const offset = nameOf(id, "en-US", "shortOffset", at).replace(/^GMT[+-]0?0?(:00)?$/, "GMT");
  return {
    id,
    city,
    name,
    offset,
    minutes: minutesOf(offset),
    // A zone with no name of its own is named by its offset ("GMT+00:00"): said once.
    label: name === city || /^(GMT|UTC)/.test(name) ? `${city} (${offset})` : `${city} (${name}, ${offset})`,
    keywords: [id, city, name, english, offset],
  };
}

/**
 * Every zone this browser knows (≈ 420), plus UTC and any given (a stored value, the
 * browser's own), west to east and by city: Chromium's list leaves out "UTC", and a
 * stored zone the list lacks must still show as itself, never as the list's first.
 */
export function zoneOptions(language: Language, include: string[] = [], at = new Date()): ZoneOption[] {
  let ids: string[];
  try {
    ids = Intl.supportedValuesOf("timeZone");
  } catch {
    ids = ["Asia/Seoul"];
  }
  const all = [...new Set([...ids, "UTC", ...include.filter(Boolean)])];
  return all
    .map((id) => zoneOption(id, language, at))
    .sort((a, b) => a.minutes - b.minutes || a.city.localeCompare(b.city, locales[language]));
}
