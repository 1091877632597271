import { defaultFilter } from "cmdk";

/**
 * One row the palette can offer: a thing the server found for what was typed (a
 * person, post or study: `found`), a thing of this tab's (a conversation: `thing`), a
 * command (by its label in either language), or "Search for …". Things of the tab's
 * and commands are also found by letters in order ("sttg" → Settings), as cmdk does.
 */
export interface PaletteEntry {
  id: string;
  kind: "found" | "thing" | "command" | "search";
  /** What typing may match: a person's name and handle, a title, a command's labels. */
  names: readonly string[];
}

/**
 * The order rows are offered in for what was typed, best first; rows that do not
 * match are left out. A thing someone named exactly or by its start comes before any
 * command found by scattered letters: typing "sara" and Enter opens Sara, not "Go to
 * Search". A thing the server matched by other words (a post's body) comes next, then
 * "Search for …" (always there once something is typed, so Enter before the server has
 * answered still leads to what was typed), then the scattered-letter commands.
 */
const TIER = {
  thingExact: 0,
  commandExact: 1,
  thingPrefix: 2,
  commandPrefix: 3,
  thingWord: 4,
  thingOther: 5,
  search: 6,
  fuzzy: 7,
} as const;

const normal = (text: string) => text.normalize("NFC").toLocaleLowerCase().trim();

/** How `name` holds `q`: the whole of it, its start, the start of one of its words, or somewhere. */
function matchIn(name: string, q: string): "exact" | "prefix" | "word" | "inside" | null {
  const n = normal(name).replace(/^@/, "");
  if (n === q) return "exact";
  if (n.startsWith(q)) return "prefix";
  if (n.split(/[\s@()·:/_-]+/).some((word) => word.startsWith(q))) return "word";
  return n.includes(q) ? "inside" : null;
}

function tierOf(entry: PaletteEntry, q: string): number | null {
  if (entry.kind === "search") return TIER.search;
  const matches = entry.names.map((name) => matchIn(name, q));
  const thing = entry.kind !== "command";
  if (matches.includes("exact")) return thing ? TIER.thingExact : TIER.commandExact;
  if (matches.includes("prefix")) return thing ? TIER.thingPrefix : TIER.commandPrefix;
  if (matches.includes("word")) return thing ? TIER.thingWord : TIER.commandPrefix;
  // The server matched what it found by more than names (a post's body, a tag).
  if (entry.kind === "found" || matches.includes("inside")) return TIER.thingOther;
  return null;
}

/** Whether `typed` is one of `names`, or the start of one (as the ranking reads them). */
export function isNameOrStart(typed: string, names: readonly string[]): boolean {
  const q = normal(typed).replace(/^@/, "");
  return q !== "" && names.some((name) => ["exact", "prefix"].includes(matchIn(name, q) ?? ""));
}

/** The entries that match `typed`, best first; ties keep the order they were given in. */
export function rankPalette<T extends PaletteEntry>(typed: string, entries: readonly T[]): T[] {
  const q = normal(typed).replace(/^@/, "");
  if (!q) return entries.filter((entry) => entry.kind === "command");
  const scored: { entry: T; tier: number; score: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const tier = tierOf(entry, q);
    if (tier !== null) {
      scored.push({ entry, tier, score: 1, index });
      return;
    }
    const score = defaultFilter(entry.names.join(" "), q);
    if (score > 0) scored.push({ entry, tier: TIER.fuzzy, score, index });
  });
  scored.sort((a, b) => a.tier - b.tier || b.score - a.score || a.index - b.index);
  return scored.map((s) => s.entry);
}
