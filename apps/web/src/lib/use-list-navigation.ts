import { useEffect, useLayoutEffect, useRef } from "react";
import { useHotkeys } from "../shell/hotkeys";
import { useUi } from "../shell/ui-state";

/**
 * j / k move the selection through a list and Enter opens it, as in a mail client.
 * The selected row is scrolled into view; rows carry data-list-id for that.
 */
export function useListNavigation<Id extends string | number>(options: {
  ids: readonly Id[];
  selected: Id | null;
  onSelect: (id: Id) => void;
  onOpen?: (id: Id) => void;
}): void {
  const { anyOverlayOpen } = useUi();
  const { ids, selected, onSelect } = options;
  // Where the selection is going, ahead of the re-render: fast j j k presses must
  // each move from the previous press's target, not from a stale render.
  const current = useRef(selected);
  useLayoutEffect(() => {
    current.current = selected;
  }, [selected]);
  const move = (delta: number) => {
    if (ids.length === 0) return;
    const index = current.current === null ? -1 : ids.indexOf(current.current);
    const next = ids[Math.max(0, Math.min(ids.length - 1, index + delta))];
    if (next === undefined) return;
    current.current = next;
    onSelect(next);
  };
  useHotkeys({
    enabled: !anyOverlayOpen,
    keys: {
      j: () => move(1),
      k: () => move(-1),
      Enter: () => {
        if (current.current !== null) (options.onOpen ?? onSelect)(current.current);
      },
    },
  });
  useEffect(() => {
    if (selected === null) return;
    const row = document.querySelector(`[data-list-id="${String(selected)}"]`);
    // Not while the list is hidden (a phone showing the opened item): Back must find
    // the list where the reader left it.
    if (row?.checkVisibility({ visibilityProperty: true })) row.scrollIntoView({ block: "nearest" });
  }, [selected]);
}
