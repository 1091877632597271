import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { slotOverlaps } from "../src/mentoring/mentoring.constants.js";
import { ZMentorSettingsInput } from "../src/mentoring/mentoring.schemas.js";

const slot = (weekday: number, start: string, end: string) => ({ weekday, start, end });

describe("slotOverlaps", () => {
  it("names, for each slot that runs into another on its weekday, which one", () => {
    expect(slotOverlaps([slot(0, "19:00", "21:00"), slot(0, "20:00", "22:00")])).toEqual([{ index: 1, with: 0 }]);
    expect(slotOverlaps([slot(0, "19:00", "21:00"), slot(1, "20:00", "22:00")])).toEqual([]);
    // Touching is not overlapping.
    expect(slotOverlaps([slot(2, "09:00", "10:00"), slot(2, "10:00", "11:00")])).toEqual([]);
    // A long slot is caught by every slot inside it, not only its neighbour (the old
    // rule compared neighbours and let the third slot through).
    expect(slotOverlaps([slot(3, "10:00", "14:00"), slot(3, "11:00", "12:00"), slot(3, "13:00", "15:00")])).toEqual([
      { index: 1, with: 0 },
      { index: 2, with: 0 },
    ]);
  });

  it("finds an overlap exactly when some two slots on one weekday share a moment (property)", () => {
    const clock = fc
      .integer({ min: 0, max: 47 })
      .map((half) => `${String(Math.floor(half / 2)).padStart(2, "0")}:${half % 2 ? "30" : "00"}`);
    const weekly = fc
      .tuple(fc.integer({ min: 0, max: 2 }), clock, clock)
      .filter(([, a, b]) => a !== b)
      .map(([weekday, a, b]) => slot(weekday, a < b ? a : b, a < b ? b : a));
    fc.assert(
      fc.property(fc.array(weekly, { maxLength: 8 }), (slots) => {
        const anyPair = slots.some((a, i) =>
          slots.some((b, j) => i < j && a.weekday === b.weekday && a.start < b.end && b.start < a.end),
        );
        expect(slotOverlaps(slots).length > 0).toBe(anyPair);
      }),
    );
  });

  it("is the rule the contract refuses by, per slot", () => {
    const input = {
      active: true,
      topics: ["sql"],
      languages: ["en"],
      pitch: "Ask me.",
      timeZone: "Asia/Seoul",
      capacity: 2,
      slots: [slot(3, "10:00", "14:00"), slot(3, "11:00", "12:00"), slot(3, "13:00", "15:00")],
    };
    const result = ZMentorSettingsInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["slots.1", "slots.2"]);
  });
});
