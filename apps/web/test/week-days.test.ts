import { describe, expect, it } from "vitest";
import { dayOf, mondayOf, weekDays } from "../src/features/mentoring/week-days";

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe("the request dialog's week", () => {
  it("starts on the Monday of a day's week, at midnight on this device's calendar", () => {
    expect(mondayOf(at(2026, 12, 6, 22, 30))).toBe(at(2026, 11, 30));
    expect(mondayOf(at(2026, 12, 7, 0, 0))).toBe(at(2026, 12, 7));
    expect(dayOf(at(2026, 12, 9, 23, 59))).toBe(at(2026, 12, 9));
  });

  it("says which of its days are gone, which is today and which are to come", () => {
    const week = weekDays(at(2026, 11, 30), at(2026, 12, 3, 15));
    expect(week.map((d) => d.day)).toEqual([30, 1, 2, 3, 4, 5, 6].map((d) => at(2026, d > 20 ? 11 : 12, d)));
    expect(week.map((d) => d.when)).toEqual(["past", "past", "past", "today", "later", "later", "later"]);
    // A week ahead has nothing gone; a week before has nothing to come.
    expect(weekDays(at(2026, 12, 7), at(2026, 12, 6, 23)).every((d) => d.when === "later")).toBe(true);
    expect(weekDays(at(2026, 11, 23), at(2026, 12, 3)).every((d) => d.when === "past")).toBe(true);
  });
});
