import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/messages";
import { ko } from "../src/i18n/messages-ko";
import { enModerationPages, koModerationPages } from "../src/i18n/messages-moderation-pages";
import { detectLanguage } from "../src/lib/detect-language";

describe("language", () => {
  it("is Korean when the browser prefers Korean, English otherwise", () => {
    expect(detectLanguage(["ko-KR", "en-US"])).toBe("ko");
    expect(detectLanguage(["en-GB", "ko"])).toBe("en");
    expect(detectLanguage(["fr-FR", "ko"])).toBe("ko");
    expect(detectLanguage(["fr-FR"])).toBe("en");
    expect(detectLanguage([])).toBe("en");
  });

  it("has the same placeholders in Korean as in English for every message, lazy tables included", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const pairs: [Record<string, string>, Record<string, string>][] = [
      [en, ko],
      [enModerationPages, koModerationPages],
    ];
    for (const [english, korean] of pairs) {
      for (const key of Object.keys(english)) {
        expect(placeholders(korean[key] ?? ""), key).toEqual(placeholders(english[key]!));
        expect((korean[key] ?? "").trim(), key).not.toBe("");
      }
    }
  });
});
