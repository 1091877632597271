import type { RefObject } from "react";
import * as Toolbar from "@radix-ui/react-toolbar";
import { Bold, Code, Italic, Link, List, ListOrdered, Quote, SquareCode, type LucideIcon } from "lucide-react";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/messages";
import { applyEdit, markdownEdit, type MarkdownAction } from "./markdown-edit";
import "./markdown.css";

const buttons: { action: MarkdownAction; icon: LucideIcon; label: MessageKey; keys?: string }[] = [
  { action: "bold", icon: Bold, label: "markdown.bold", keys: "Ctrl+B" },
  { action: "italic", icon: Italic, label: "markdown.italic", keys: "Ctrl+I" },
  { action: "code", icon: Code, label: "markdown.code", keys: "Ctrl+E" },
  { action: "link", icon: Link, label: "markdown.link" },
  { action: "bullets", icon: List, label: "markdown.bullets" },
  { action: "numbers", icon: ListOrdered, label: "markdown.numbers" },
  { action: "quote", icon: Quote, label: "markdown.quote" },
  { action: "codeBlock", icon: SquareCode, label: "markdown.codeBlock" },
];

/**
 * Bold, italic, code, link, lists, quote and code block for a Markdown textarea: one
 * Tab stop, arrow keys between the buttons (Radix Toolbar); the text stays plain
 * Markdown, and Ctrl+Z undoes a button like typing.
 */
export function MarkdownToolbar({ target }: { target: RefObject<HTMLTextAreaElement | null> }) {
  const { t } = useI18n();
  const run = (action: MarkdownAction) => {
    const textarea = target.current;
    if (!textarea) return;
    applyEdit(textarea, markdownEdit(textarea.value, textarea.selectionStart, textarea.selectionEnd, action));
  };
  return (
    <Toolbar.Root className="md-toolbar" aria-label={t("markdown.toolbar")}>
      {buttons.map(({ action, icon: Icon, label, keys }) => (
        <Toolbar.Button
          key={action}
          type="button"
          className="icon-button md-toolbar__button"
          aria-label={t(label)}
          title={keys ? `${t(label)} (${keys})` : t(label)}
          // Keep the text's selection: the button acts on it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => run(action)}
        >
          <Icon aria-hidden size={16} />
        </Toolbar.Button>
      ))}
    </Toolbar.Root>
  );
}
