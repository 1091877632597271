import { describe, expect, it } from "vitest";
import { weeklySessions } from "../../src/platform/time/weekly-sessions.js";

describe("weekly sessions in a zone", () => {
  it("reads each session as wall-clock time there, across a daylight-saving change", () => {
    // Sundays 01:00–03:30 in Berlin; 29 March 2099 springs forward at 02:00.
    const sessions = weeklySessions(
      [{ weekday: 6, start: "01:00", end: "03:30" }],
      "Europe/Berlin",
      new Date("2099-03-21T00:00:00Z"),
      new Date("2099-04-06T00:00:00Z"),
    );
    expect(sessions.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ["2099-03-22T00:00:00.000Z", "2099-03-22T02:30:00.000Z"],
      // 2.5 wall-clock hours are 1.5 real ones that night.
      ["2099-03-29T00:00:00.000Z", "2099-03-29T01:30:00.000Z"],
      ["2099-04-04T23:00:00.000Z", "2099-04-05T01:30:00.000Z"],
    ]);
  });

  it("skips a session that starts at a time the zone skipped, and ends one at 24:00 at the next midnight", () => {
    const zone = "Europe/Berlin";
    const from = new Date("2099-03-28T00:00:00Z");
    const to = new Date("2099-03-30T00:00:00Z");
    expect(weeklySessions([{ weekday: 6, start: "02:30", end: "03:30" }], zone, from, to)).toEqual([]);
    expect(weeklySessions([{ weekday: 5, start: "23:00", end: "24:00" }], zone, from, to)).toEqual([
      { startsAt: new Date("2099-03-28T22:00:00Z"), endsAt: new Date("2099-03-28T23:00:00Z") },
    ]);
  });
});
