import type { TMentorSettings } from "@orgo/api-contract";
import type { Prisma } from "@orgo/db";
import { languagesOf } from "./mentoring-rows.js";
import { weeklySlotsOf } from "../../platform/time/weekly-sessions.js";

/** A mentor profile row as its owner edits it. */
export function toMentorSettings(row: {
  active: boolean;
  paused: boolean;
  topics: string[];
  languages: string[];
  pitch: string;
  timeZone: string;
  capacity: number;
  slots: Prisma.JsonValue;
}): TMentorSettings {
  return {
    active: row.active,
    paused: row.paused,
    topics: row.topics,
    languages: languagesOf(row.languages),
    pitch: row.pitch,
    timeZone: row.timeZone,
    capacity: row.capacity,
    slots: weeklySlotsOf(row.slots),
  };
}
