import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { useHotkeys } from "./hotkeys";
import { useUi } from "./ui-state";

/**
 * The one list behaviour of the client (docs/client.md): a roving focus. The
 * highlighted row is the focused row; j / k and ↑ / ↓ move it, Home / End jump, Tab
 * enters the list at it and leaves the list, Enter (or a click) opens it.
 *
 * Where an item opens beside the list (feed, chat, mentors), moving is opening:
 * pass `selected` and `onSelect`, and the highlight follows the address. Elsewhere
 * moving only highlights, and `onOpen` runs on Enter or click.
 *
 * `onSelect` says how: a "move" (j / k, arrows) or an "open" (Enter, a click). Pages
 * give it to `historyFor`, so Back goes through what the reader opened, not through
 * every row j passed on the way.
 */
export type SelectHow = "move" | "open";

/**
 * How a selection enters the browser's history: an open (a click, Enter) is an entry
 * of its own, so Back returns to each item the reader opened; a move (j / k) replaces
 * the item it moved from, as long as one was open.
 */
export const historyFor = (how: SelectHow, somethingOpen: boolean) => ({ replace: how === "move" && somethingOpen });

export function useRovingList<Id extends string | number>(options: {
  ids: readonly Id[];
  /** The item open beside the list, when moving opens (controlled highlight). */
  selected?: Id | null;
  onSelect?: (id: Id, how: SelectHow) => void;
  /** Enter or click on a row. Defaults to onSelect. */
  onOpen?: (id: Id) => void;
}) {
  const { anyOverlayOpen } = useUi();
  const { ids } = options;
  // The highlight is local state even when the address drives it: a navigation is a
  // transition and may render later than the key press, and Tab must already find
  // the highlighted row as the list's tab stop. An outside change (Back, a link)
  // moves it too.
  const [local, setLocal] = useState<Id | null>(options.selected ?? null);
  const [seen, setSeen] = useState(options.selected);
  if (options.selected !== undefined && options.selected !== seen) {
    setSeen(options.selected);
    setLocal(options.selected);
  }
  const active = local;
  // Where the highlight is going, ahead of the re-render: fast j j k presses must each
  // move from the previous press's target, not from a stale render.
  const current = useRef(active);
  useLayoutEffect(() => {
    current.current = active;
  }, [active]);

  const focusRow = (id: Id) => {
    const row = document.querySelector<HTMLElement>(`[data-list-id="${String(id)}"]`);
    // Not while the list is hidden (a phone showing the opened item): Back must find
    // the list where the reader left it.
    if (row?.checkVisibility({ visibilityProperty: true })) row.focus();
  };
  const highlight = (id: Id) => {
    current.current = id;
    setLocal(id);
    options.onSelect?.(id, "move");
    focusRow(id);
  };
  const move = (delta: number) => {
    if (ids.length === 0) return;
    const index = current.current === null ? -1 : ids.indexOf(current.current);
    const next = ids[Math.max(0, Math.min(ids.length - 1, index + delta))];
    if (next !== undefined && next !== current.current) highlight(next);
    else if (next !== undefined) focusRow(next);
  };
  const open = (id: Id) => {
    if (options.onOpen) options.onOpen(id);
    // Enter on the item already open: nothing to open, and no second history entry.
    else if (id !== options.selected) options.onSelect?.(id, "open");
  };
  useHotkeys({ enabled: !anyOverlayOpen, keys: { j: () => move(1), k: () => move(-1) } });

  // The row Tab lands on: the highlighted one, else the first.
  const tabStop = active !== null && ids.includes(active) ? active : (ids[0] ?? null);
  return {
    active,
    listProps: {
      role: "listbox" as const,
      onKeyDown: (event: KeyboardEvent) => {
        const target = event.target as HTMLElement;
        if (target.getAttribute("role") !== "option") return;
        const step = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }[event.key];
        if (step !== undefined) {
          event.preventDefault();
          if (Number.isFinite(step)) move(step);
          else if (ids.length > 0) highlight(step < 0 ? ids[0]! : ids[ids.length - 1]!);
        } else if (event.key === "Enter" && current.current !== null) {
          event.preventDefault();
          open(current.current);
        }
      },
    },
    rowProps: (id: Id) => ({
      role: "option" as const,
      "aria-selected": id === active,
      "data-list-id": id,
      tabIndex: id === tabStop ? 0 : -1,
      // A row focused by Tab or a click is the highlighted one.
      onFocus: () => {
        // Focus by Tab or a click highlights; where moving opens, only a click opens.
        if (current.current !== id && options.selected === undefined) {
          current.current = id;
          setLocal(id);
        }
      },
      onClick: () => {
        current.current = id;
        setLocal(id);
        open(id);
      },
    }),
  };
}
