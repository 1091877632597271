import { describe, expect, it } from "vitest";
import { relativeTime } from "../src/lib/relative-time";

const now = new Date("2026-12-02T12:00:00Z").getTime();
const ago = (ms: number) => new Date(now - ms);

describe("relative times", () => {
  it("says how long ago in the reader's language, then the date", () => {
    const cases: [number, string, string][] = [
      [10_000, "now", "지금"],
      [5 * 60_000, "5m", "5분"],
      [2 * 3_600_000, "2h", "2시간"],
      [3 * 86_400_000, "3d", "3일"],
      [9 * 86_400_000, "Nov 23", "11월 23일"],
      [400 * 86_400_000, "Oct 28, 2025", "2025년 10월 28일"],
    ];
    for (const [ms, en, ko] of cases) {
      expect(relativeTime(ago(ms), now, "en")).toBe(en);
      expect(relativeTime(ago(ms), now, "ko")).toBe(ko);
    }
  });

  it("writes the units exactly as Intl.NumberFormat's narrow unit display does", () => {
    const intl = (locale: string, value: number, unit: string) =>
      new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "narrow" }).format(value);
    for (const [language, locale] of [
      ["en", "en-US"],
      ["ko", "ko-KR"],
    ] as const) {
      for (let m = 1; m < 60; m++) expect(relativeTime(ago(m * 60_000), now, language)).toBe(intl(locale, m, "minute"));
      for (let h = 1; h < 24; h++)
        expect(relativeTime(ago(h * 3_600_000), now, language)).toBe(intl(locale, h, "hour"));
      for (let d = 1; d < 7; d++) expect(relativeTime(ago(d * 86_400_000), now, language)).toBe(intl(locale, d, "day"));
    }
  });

  it("never says 'in the future' for a clock slightly ahead", () => {
    expect(relativeTime(new Date(now + 5_000), now, "en")).toBe("now");
  });
});
