import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { markdownEdit, shortcutAction, type MarkdownAction, type TextEdit } from "../src/ui/markdown/markdown-edit";

const apply = (text: string, edit: TextEdit) => text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
const selectedAfter = (text: string, edit: TextEdit) => apply(text, edit).slice(edit.selectFrom, edit.selectTo);

describe("the Markdown toolbar's edits", () => {
  it("wraps the selection, or a selected placeholder, in marks", () => {
    const text = "use two pointers here";
    const bold = markdownEdit(text, 4, 16, "bold");
    expect(apply(text, bold)).toBe("use **two pointers** here");
    expect(selectedAfter(text, bold)).toBe("two pointers");
    const code = markdownEdit(text, 4, 4, "code");
    expect(apply(text, code)).toBe("use `code`two pointers here");
    expect(selectedAfter(text, code)).toBe("code");
    const link = markdownEdit(text, 4, 16, "link");
    expect(apply(text, link)).toBe("use [two pointers](https://) here");
    expect(selectedAfter(text, link)).toBe("https://");
    expect(apply("a", markdownEdit("a", 1, 1, "codeBlock"))).toBe("a\n```\ncode\n```\n");
  });

  it("prefixes every line the selection touches, and only those", () => {
    const text = "intro\none\ntwo\nthree\noutro";
    const from = text.indexOf("one") + 1;
    const to = text.indexOf("three") + 2;
    expect(apply(text, markdownEdit(text, from, to, "bullets"))).toBe("intro\n- one\n- two\n- three\noutro");
    expect(apply(text, markdownEdit(text, from, to, "numbers"))).toBe("intro\n1. one\n2. two\n3. three\noutro");
    // A selection ending at the start of a line leaves that line alone.
    const upToTwo = text.indexOf("two");
    expect(apply(text, markdownEdit(text, from, upToTwo, "quote"))).toBe("intro\n> one\ntwo\nthree\noutro");
    expect(apply("", markdownEdit("", 0, 0, "bullets"))).toBe("- ");
    // At the very start, before a line break (found by the property below).
    expect(apply("\n", markdownEdit("\n", 0, 0, "numbers"))).toBe("1. \n");
  });

  it("never touches text outside what it replaces, and selects inside the result", () => {
    const actions: MarkdownAction[] = ["bold", "italic", "code", "link", "bullets", "numbers", "quote", "codeBlock"];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "*", "한") }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...actions),
        (text, a, b, action) => {
          const start = Math.min(a, b) % (text.length + 1);
          const end = Math.max(start, Math.max(a, b) % (text.length + 1));
          const edit = markdownEdit(text, start, end, action);
          const result = apply(text, edit);
          expect(edit.from).toBeLessThanOrEqual(start);
          expect(edit.to).toBeGreaterThanOrEqual(end > start ? end - 1 : end);
          expect(result.startsWith(text.slice(0, edit.from))).toBe(true);
          expect(result.endsWith(text.slice(edit.to))).toBe(true);
          expect(result.length).toBeGreaterThan(text.length);
          expect(0 <= edit.selectFrom && edit.selectFrom <= edit.selectTo && edit.selectTo <= result.length).toBe(true);
          // The selected text survives, inside the marks.
          expect(edit.insert).toContain(text.slice(start, end).split("\n")[0]);
        },
      ),
    );
  });

  it("maps Ctrl/⌘ + B, I and E, and nothing else", () => {
    const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey" | "shiftKey", boolean>>) =>
      shortcutAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    expect(key("b", { ctrlKey: true })).toBe("bold");
    expect(key("I", { metaKey: true })).toBe("italic");
    expect(key("e", { ctrlKey: true })).toBe("code");
    expect(key("b", {})).toBeNull();
    expect(key("b", { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(key("k", { ctrlKey: true })).toBeNull();
  });
});
