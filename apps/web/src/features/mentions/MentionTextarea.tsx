import { useCallback, useId, useRef, useState, type ComponentProps, type KeyboardEvent, type Ref } from "react";
import { keepPreviousData } from "@tanstack/react-query";
import type { TPublicUser } from "@orgo/api-contract/schemas";
import { trpc } from "../../lib/trpc";
import { useI18n } from "../../i18n/i18n";
import { applyEdit, markdownEdit, shortcutAction } from "../../ui/markdown/markdown-edit";
import { Avatar } from "../../ui/Avatar";
import { useMe } from "../auth/use-me";
import "./mentions.css";

/** "@jiw" right before the caret: where it starts and what was typed after the "@". */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|[^\w@./-])@([A-Za-z0-9_]{0,30})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

type Props = Omit<ComponentProps<"textarea">, "value" | "ref"> & {
  value: string;
  /** Called with the new text when a person is picked from the list. */
  setValue: (value: string) => void;
  ref?: Ref<HTMLTextAreaElement>;
  /** Opens the list above the box (a composer at the bottom of the screen). */
  listAbove?: boolean;
};

/**
 * A textarea that offers people to mention: typing "@" and a few letters lists
 * matching people (those I follow first); ↑/↓ move, Enter or Tab inserts "@handle ",
 * Escape closes. While the list is open those keys are the list's, so Enter does not
 * also send or submit. A combobox in ARIA terms: the list is announced and the
 * highlighted person is the active descendant. Ctrl/⌘ + B, I and E mark the selection
 * bold, italic or code.
 */
export function MentionTextarea({
  value,
  setValue,
  ref,
  listAbove = false,
  onKeyDown,
  onChange,
  onSelect,
  onBlur,
  ...rest
}: Props) {
  const { t } = useI18n();
  const signedIn = Boolean(useMe().data);
  const box = useRef<HTMLTextAreaElement | null>(null);
  const listId = useId();
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const people = trpc.user.suggest.useQuery(
    { q: mention?.query ?? "" },
    { enabled: signedIn && mention !== null, placeholderData: keepPreviousData, staleTime: 30_000 },
  );
  const options: TPublicUser[] = mention ? (people.data ?? []) : [];
  const open = options.length > 0;

  const setRefs = useCallback(
    (node: HTMLTextAreaElement | null) => {
      box.current = node;
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );

  const track = (element: HTMLTextAreaElement) => {
    const next = mentionAt(element.value, element.selectionStart);
    setMention(next);
    if (next?.query !== mention?.query) setActive(0);
  };

  const pick = (person: TPublicUser) => {
    if (!mention || !box.current) return;
    const caret = box.current.selectionStart;
    const inserted = `@${person.handle} `;
    setValue(value.slice(0, mention.start) + inserted + value.slice(caret));
    setMention(null);
    const at = mention.start + inserted.length;
    requestAnimationFrame(() => box.current?.setSelectionRange(at, at));
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      const handled =
        ["ArrowDown", "ArrowUp", "Enter", "Tab", "Escape"].includes(event.key) && !event.nativeEvent.isComposing;
      if (event.key === "ArrowDown") setActive((i) => (i + 1) % options.length);
      if (event.key === "ArrowUp") setActive((i) => (i - 1 + options.length) % options.length);
      if (event.key === "Enter" || event.key === "Tab") pick(options[Math.min(active, options.length - 1)]!);
      if (event.key === "Escape") setMention(null);
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
    }
    // Markdown shortcuts (Ctrl/⌘ + B, I, E), in every composer.
    const action = shortcutAction(event);
    if (action && box.current) {
      event.preventDefault();
      applyEdit(
        box.current,
        markdownEdit(box.current.value, box.current.selectionStart, box.current.selectionEnd, action),
      );
      return;
    }
    onKeyDown?.(event);
  };

  return (
    <div className="mention-box">
      <textarea
        {...rest}
        ref={setRefs}
        value={value}
        // A multi-line field is a textbox, not a combobox (ARIA allows that role on
        // inputs only); the suggestions are announced through the active descendant.
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onChange?.(event);
          track(event.target);
        }}
        onSelect={(event) => {
          onSelect?.(event);
          track(event.currentTarget);
        }}
        onBlur={(event) => {
          onBlur?.(event);
          setMention(null);
        }}
        onKeyDown={keyDown}
      />
      {open && (
        <ul
          className={`mention-list${listAbove ? " mention-list--above" : ""}`}
          id={listId}
          role="listbox"
          aria-label={t("mentions.label")}
        >
          {options.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "is-active" : undefined}
              // Picked before the textarea's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
            >
              <Avatar user={person} size={22} />
              <span>{person.displayName}</span>
              <span className="muted small">@{person.handle}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
