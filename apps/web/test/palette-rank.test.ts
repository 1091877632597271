import { describe, expect, it } from "vitest";
import { rankPalette, type PaletteEntry } from "../src/shell/palette-rank";

const command = (id: string, ...names: string[]): PaletteEntry => ({ id, kind: "command", names });
const thing = (id: string, ...names: string[]): PaletteEntry => ({ id, kind: "found", names });
const room = (id: string, ...names: string[]): PaletteEntry => ({ id, kind: "thing", names });
const searchFor: PaletteEntry = { id: "search-for", kind: "search", names: [] };

const commands = [
  command("go-feed", "Feed", "피드"),
  command("go-settings", "Settings", "설정"),
  command("go-search", "Search", "검색"),
  command("go-studies", "Studies", "스터디"),
];
const ids = (typed: string, entries: PaletteEntry[]) => rankPalette(typed, entries).map((e) => e.id);

describe("the palette's order", () => {
  it("puts a person typed by name before the Search command found by scattered letters", () => {
    // s-a-r is in "Search" in order: cmdk's own score put "Go to › Search" first.
    const sara = thing("person-sara", "Sara Kim", "@sara");
    expect(ids("sara", [...commands, searchFor, sara])).toEqual(["person-sara", "search-for", "go-search"]);
    expect(ids("Sara K", [...commands, searchFor, sara])[0]).toBe("person-sara");
    expect(ids("@sa", [...commands, searchFor, sara])[0]).toBe("person-sara");
  });

  it("offers Search for what was typed before scattered-letter commands while the server has not answered", () => {
    expect(ids("sara", [...commands, searchFor])).toEqual(["search-for", "go-search"]);
  });

  it("puts a command named exactly or by its start before things that only contain the words", () => {
    const post = thing("post-1", "Why settings pages grow");
    expect(ids("settings", [post, ...commands, searchFor])).toEqual(["go-settings", "post-1", "search-for"]);
    expect(ids("set", [thing("post-2", "A post about sets"), ...commands])).toEqual(["go-settings", "post-2"]);
    expect(ids("설정", [...commands, searchFor])).toEqual(["go-settings", "search-for"]);
  });

  it("finds Korean names by their start, and keeps the server's order among equals", () => {
    const a = thing("study-1", "알고리즘 스터디");
    const b = thing("study-2", "알고리즘 심화");
    expect(ids("알고", [b, a, ...commands])).toEqual(["study-2", "study-1"]);
    // A command named by its start comes before a thing with a word that starts so.
    expect(ids("스터", [a, ...commands])).toEqual(["go-studies", "study-1"]);
  });

  it("finds a conversation of mine by its names only, never because the server was asked", () => {
    const withLeo = room("room-2", "Leo Park", "leo_builds");
    const study = room("room-3", "TypeScript 입문");
    expect(ids("leo", [withLeo, study, ...commands, searchFor])).toEqual(["room-2", "search-for"]);
    // A post the server found for "leo" by its body is still offered.
    expect(ids("leo", [thing("post-9", "Notes"), study, searchFor])).toEqual(["post-9", "search-for"]);
  });

  it("lists only the commands when nothing is typed, in their order", () => {
    expect(ids("  ", [thing("x", "x"), ...commands, searchFor])).toEqual(commands.map((c) => c.id));
  });
});
