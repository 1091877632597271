import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

/** Which overlays are open and what the top-bar filter says: shell-wide UI state. */
interface UiState {
  paletteOpen: boolean;
  setPaletteOpen: (open: boolean) => void;
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
  composerOpen: boolean;
  setComposerOpen: (open: boolean) => void;
  filter: string;
  setFilter: (filter: string) => void;
  anyOverlayOpen: boolean;
}

const UiContext = createContext<UiState | null>(null);

export function UiStateProvider({ children }: { children: ReactNode }) {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [composerOpen, setComposerOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const value = useMemo(
    () => ({
      paletteOpen,
      setPaletteOpen,
      shortcutsOpen,
      setShortcutsOpen,
      composerOpen,
      setComposerOpen,
      filter,
      setFilter,
      anyOverlayOpen: paletteOpen || shortcutsOpen || composerOpen,
    }),
    [paletteOpen, shortcutsOpen, composerOpen, filter],
  );
  return <UiContext.Provider value={value}>{children}</UiContext.Provider>;
}

export function useUi(): UiState {
  const value = useContext(UiContext);
  if (!value) throw new Error("useUi outside UiStateProvider");
  return value;
}
