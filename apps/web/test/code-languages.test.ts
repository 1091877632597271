import { describe, expect, it } from "vitest";
import HighlightJS from "highlight.js/lib/core";
import { common, createLowlight } from "lowlight";
import { aliasesOf, grammarsFor, shortNames } from "../src/ui/markdown/code-languages";

describe("the languages a text's code asks for", () => {
  it("knows each short name as highlight.js does", () => {
    const hljs = HighlightJS.newInstance();
    for (const [name, grammar] of Object.entries(common)) hljs.registerLanguage(name, grammar);
    for (const [short, grammar] of Object.entries(shortNames)) {
      expect(hljs.getLanguage(grammar), grammar).toBeDefined();
      expect(hljs.getLanguage(short), short).toBe(hljs.getLanguage(grammar));
    }
  });

  it("asks for only the grammars its fences name, and all of them for a name it does not know", () => {
    const source =
      "text\n\n```ts\nconst a = 1;\n```\n\n~~~python\nprint(1)\n~~~\n\n```\nplain\n```\n  ```sql\nselect 1;\n```";
    expect(Object.keys(grammarsFor(source)).sort()).toEqual(["python", "sql", "typescript"]);
    expect(Object.keys(grammarsFor("no code here"))).toEqual([]);
    expect(Object.keys(grammarsFor("```fortran77\nx\n```")).length).toBe(Object.keys(common).length);
    // Highlighting with just those, short names included, gives what all of them give.
    const some = createLowlight(grammarsFor(source));
    some.registerAlias(aliasesOf(grammarsFor(source)));
    const all = createLowlight(common);
    expect(some.highlight("ts", "const a: number = 1;")).toEqual(all.highlight("ts", "const a: number = 1;"));
  });
});
