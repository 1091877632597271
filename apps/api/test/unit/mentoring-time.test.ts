import { describe, expect, it } from "vitest";
import { freeStarts, slotStarts } from "../../src/domains/mentoring/free-times.js";

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("mentors' weekly slots as instants", () => {
  it("reads a Seoul slot (no daylight saving) the same every week", () => {
    // Mondays 19:00–20:00 in Seoul = 10:00–11:00 UTC.
    const from = new Date("2027-01-03T00:00:00Z");
    const to = new Date("2027-01-17T00:00:00Z");
    const slots = [{ weekday: 0, start: "19:00", end: "20:00" }];
    expect(iso(slotStarts(slots, "Asia/Seoul", from, to, 30))).toEqual([
      "2027-01-04T10:00:00.000Z",
      "2027-01-04T10:30:00.000Z",
      "2027-01-11T10:00:00.000Z",
      "2027-01-11T10:30:00.000Z",
    ]);
    // An hour-long meeting fits only at the slot's start.
    expect(iso(slotStarts(slots, "Asia/Seoul", from, to, 60))).toEqual([
      "2027-01-04T10:00:00.000Z",
      "2027-01-11T10:00:00.000Z",
    ]);
  });

  it("moves a Berlin slot by an hour in UTC across the spring change, and skips the hour that does not exist", () => {
    const from = new Date("2027-03-22T00:00:00Z");
    const to = new Date("2027-04-05T00:00:00Z");
    // Saturdays 10:00 Berlin: CET (UTC+1) on 27 March, CEST (UTC+2) on 3 April.
    expect(iso(slotStarts([{ weekday: 5, start: "10:00", end: "10:30" }], "Europe/Berlin", from, to, 30))).toEqual([
      "2027-03-27T09:00:00.000Z",
      "2027-04-03T08:00:00.000Z",
    ]);
    // Sunday 28 March 02:00–03:30: 02:00 and 02:30 never happen that night; 03:00 CEST does.
    const night = slotStarts([{ weekday: 6, start: "02:00", end: "03:30" }], "Europe/Berlin", from, to, 30);
    expect(iso(night)).toEqual([
      "2027-03-28T01:00:00.000Z",
      // A week later all three exist (CEST).
      "2027-04-04T00:00:00.000Z",
      "2027-04-04T00:30:00.000Z",
      "2027-04-04T01:00:00.000Z",
    ]);
  });

  it("moves a Los Angeles slot across the US change (14 March 2027), and a slot ending at midnight", () => {
    const from = new Date("2027-03-08T00:00:00Z");
    const to = new Date("2027-03-22T00:00:00Z");
    // Fridays 23:30–24:00 Los Angeles: PST (UTC−8) on the 12th, PDT (UTC−7) on the 19th.
    expect(
      iso(slotStarts([{ weekday: 4, start: "23:30", end: "24:00" }], "America/Los_Angeles", from, to, 30)),
    ).toEqual(["2027-03-13T07:30:00.000Z", "2027-03-20T06:30:00.000Z"]);
  });

  it("offers only times at least an hour ahead and clear of what is taken", () => {
    const now = new Date("2027-01-04T09:20:00Z");
    const slots = [{ weekday: 0, start: "19:00", end: "21:00" }];
    const taken = [{ startsAt: new Date("2027-01-04T11:00:00Z"), lengthMinutes: 60 }];
    // 19:00 Seoul (10:00Z) is within the hour's lead; 20:00–21:00 is taken.
    expect(iso(freeStarts({ slots, timeZone: "Asia/Seoul" }, taken, now, 30, 7))).toEqual(["2027-01-04T10:30:00.000Z"]);
    expect(iso(freeStarts({ slots, timeZone: "Asia/Seoul" }, taken, now, 60, 7))).toEqual([]);
  });
});
