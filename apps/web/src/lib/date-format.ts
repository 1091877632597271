import type { Language } from "./detect-language";

const locales: Record<Language, string> = { en: "en-US", ko: "ko-KR" };

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * One `Intl.DateTimeFormat` per language and options, made when first asked for. The
 * first Intl object a page makes loads ICU's locale data (≈ 110 ms on a phone-speed
 * CPU), so nothing on the first screen should make one before it has to.
 */
export function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], options);
    cache.set(key, format);
  }
  return format;
}
