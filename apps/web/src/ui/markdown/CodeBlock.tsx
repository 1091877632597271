import { isValidElement, useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";
import { Check, Copy } from "lucide-react";
import { useI18n } from "../../i18n/i18n";
import "./markdown.css";

/** The language a fence named ("```ts" gives the code `language-ts`), as written. */
function languageOf(children: ReactNode): string | null {
  if (!isValidElement<{ className?: unknown }>(children)) return null;
  const className = children.props.className;
  return typeof className === "string" ? (/\blanguage-([^\s]+)/.exec(className)?.[1] ?? null) : null;
}

/**
 * A fenced code block: a bar with its language (as the writer named it) and a copy
 * button that says when it copied, above the code, which scrolls inside itself.
 */
export function CodeBlock({ children, ...props }: ComponentProps<"pre">) {
  const { t } = useI18n();
  const code = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);
  const language = languageOf(children);
  // Pages served over plain http (not localhost) have no clipboard: no button then.
  const canCopy = typeof navigator !== "undefined" && Boolean(navigator.clipboard);
  const copy = () =>
    // The code as written: Markdown keeps the fence's last line break, the writer did not.
    void navigator.clipboard.writeText((code.current?.textContent ?? "").replace(/\n$/, "")).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <div className="code-block">
      <div className="code-block__bar">
        <span className="code-block__language">{language ?? t("markdown.code")}</span>
        {canCopy && (
          <button type="button" className="code-block__copy" onClick={copy} data-testid="copy-code">
            {copied ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />}
            <span aria-live="polite">{copied ? t("markdown.copied") : t("markdown.copy")}</span>
          </button>
        )}
      </div>
      <pre ref={code} {...props}>
        {children}
      </pre>
    </div>
  );
}
