import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/messages";
import { ko } from "../src/i18n/messages-ko";
import { enModerationPages, koModerationPages } from "../src/i18n/messages-moderation-pages";
import { koMentoring } from "../src/i18n/messages-mentoring-ko";
import { koModeration } from "../src/i18n/messages-moderation-ko";
import { koDelivery } from "../src/i18n/messages-delivery";
import { serverMessagesKo } from "../src/i18n/server-messages";
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

  it("writes Korean as Korean readers expect: 수정 for Edit, 아이디 for a handle, particles on the Latin word", () => {
    const tables: Record<string, string>[] = [
      ko,
      koModerationPages,
      koMentoring,
      koModeration,
      koDelivery,
      serverMessagesKo,
    ];
    for (const table of tables) {
      for (const [key, text] of Object.entries(table)) {
        expect(text, key).not.toMatch(/핸들|고치기/);
        // "Enter로", "j / k로", "{handle}을(를)": a particle is never set apart from its word.
        expect(text, key).not.toMatch(
          /[A-Za-z0-9_}\])] (로|으로|을|를|을\(를\)|이|가|은|는|에게|에서|와|과)(?=[\s,.…]|$)/,
        );
      }
    }
  });
});
