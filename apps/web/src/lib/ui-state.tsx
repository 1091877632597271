import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { TPost } from "@orgo/api-contract/schemas";

/** Which overlays are open and what the top-bar filter says: shell-wide UI state. */
interface UiState {
  paletteOpen: boolean;
  setPaletteOpen: (open: boolean) => void;
  /** What is typed in the palette (kept here: typing starts before its chunk arrives). */
  paletteSearch: string;
  setPaletteSearch: (search: string) => void;
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
  composerOpen: boolean;
  setComposerOpen: (open: boolean) => void;
  /** The post the composer edits; null for a new post. */
  editing: TPost | null;
  /** Opens the composer on an existing post. */
  editPost: (post: TPost) => void;
  filter: string;
  setFilter: (filter: string) => void;
  anyOverlayOpen: boolean;
}

const UiContext = createContext<UiState | null>(null);

export function UiStateProvider({ children }: { children: ReactNode }) {
  const [paletteOpen, setPaletteOpenState] = useState(false);
  const [paletteSearch, setPaletteSearch] = useState("");
  const setPaletteOpen = useCallback((open: boolean) => {
    setPaletteOpenState(open);
    if (!open) setPaletteSearch("");
  }, []);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [composerOpen, setComposerOpenState] = useState(false);
  const [editing, setEditing] = useState<TPost | null>(null);
  const setComposerOpen = useCallback((open: boolean) => {
    setComposerOpenState(open);
    if (!open) setEditing(null);
  }, []);
  const editPost = useCallback((post: TPost) => {
    setEditing(post);
    setComposerOpenState(true);
  }, []);
  const [filter, setFilter] = useState("");
  const value = useMemo(
    () => ({
      paletteOpen,
      setPaletteOpen,
      paletteSearch,
      setPaletteSearch,
      shortcutsOpen,
      setShortcutsOpen,
      composerOpen,
      setComposerOpen,
      editing,
      editPost,
      filter,
      setFilter,
      anyOverlayOpen: paletteOpen || shortcutsOpen || composerOpen,
    }),
    [
      paletteOpen,
      setPaletteOpen,
      paletteSearch,
      shortcutsOpen,
      composerOpen,
      setComposerOpen,
      editing,
      editPost,
      filter,
    ],
  );
  return <UiContext.Provider value={value}>{children}</UiContext.Provider>;
}

export function useUi(): UiState {
  const value = useContext(UiContext);
  if (!value) throw new Error("useUi outside UiStateProvider");
  return value;
}
