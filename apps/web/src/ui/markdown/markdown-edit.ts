/** What the Markdown toolbar and its shortcuts do to a textarea's text. */
export type MarkdownAction = "bold" | "italic" | "code" | "link" | "bullets" | "numbers" | "quote" | "codeBlock";

/** Replace [from, to) with `insert`, then select [selectFrom, selectTo) of the new text. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
  selectFrom: number;
  selectTo: number;
}

const placeholders: Record<"bold" | "italic" | "code" | "link" | "codeBlock", string> = {
  bold: "bold",
  italic: "italic",
  code: "code",
  link: "text",
  codeBlock: "code",
};

/**
 * The edit an action makes on `text` with [start, end) selected: marks around the
 * selection (or around a placeholder, selected so typing replaces it), or a prefix on
 * every line the selection touches.
 */
export function markdownEdit(text: string, start: number, end: number, action: MarkdownAction): TextEdit {
  const selected = text.slice(start, end);
  const wrap = (before: string, after: string, placeholder: string): TextEdit => {
    const inner = selected || placeholder;
    return {
      from: start,
      to: end,
      insert: before + inner + after,
      selectFrom: start + before.length,
      selectTo: start + before.length + inner.length,
    };
  };
  switch (action) {
    case "bold":
      return wrap("**", "**", placeholders.bold);
    case "italic":
      return wrap("_", "_", placeholders.italic);
    case "code":
      return wrap("`", "`", placeholders.code);
    case "link": {
      const label = selected || placeholders.link;
      const insert = `[${label}](https://)`;
      // The address is what is left to type.
      const url = start + label.length + 3;
      return { from: start, to: end, insert, selectFrom: url, selectTo: url + "https://".length };
    }
    case "codeBlock": {
      const lead = start > 0 && text[start - 1] !== "\n" ? "\n" : "";
      return wrap(`${lead}\`\`\`\n`, "\n```\n", placeholders.codeBlock);
    }
    default: {
      // Whole lines: from the start of the first to the end of the last.
      // (lastIndexOf reads a negative position as 0, where a "\n" would be found.)
      const from = start === 0 ? 0 : text.lastIndexOf("\n", start - 1) + 1;
      const lineEnd = text.indexOf("\n", Math.max(end - (end > start ? 1 : 0), start));
      const to = lineEnd === -1 ? text.length : lineEnd;
      const lines = text.slice(from, to).split("\n");
      const prefix = (i: number) => (action === "bullets" ? "- " : action === "quote" ? "> " : `${i + 1}. `);
      const insert = lines.map((line, i) => prefix(i) + line).join("\n");
      return { from, to, insert, selectFrom: from + insert.length, selectTo: from + insert.length };
    }
  }
}

/** The action a shortcut stands for: Ctrl/⌘ + B, I or E. */
export function shortcutAction(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): MarkdownAction | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  return ({ b: "bold", i: "italic", e: "code" } as const)[event.key.toLowerCase() as "b" | "i" | "e"] ?? null;
}

/**
 * Applies an edit to a textarea the way typing would: through the browser's editing
 * (so Ctrl+Z undoes it, and React's onChange sees an input event), or, where that is
 * not available, by setting the text and firing the input event ourselves.
 */
export function applyEdit(textarea: HTMLTextAreaElement, edit: TextEdit): void {
  textarea.focus();
  textarea.setSelectionRange(edit.from, edit.to);
  const typed = document.execCommand("insertText", false, edit.insert);
  if (!typed) {
    textarea.setRangeText(edit.insert, edit.from, edit.to, "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }
  textarea.setSelectionRange(edit.selectFrom, edit.selectTo);
}
