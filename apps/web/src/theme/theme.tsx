import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

export type ThemeChoice = "system" | "light" | "dark";
const STORAGE_KEY = "orgo.theme";
const order: ThemeChoice[] = ["system", "light", "dark"];

interface Theme {
  choice: ThemeChoice;
  setChoice: (choice: ThemeChoice) => void;
  cycle: () => void;
}

const ThemeContext = createContext<Theme | null>(null);

/** "system" follows prefers-color-scheme in CSS; a choice pins it with data-theme. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [choice, setChoiceState] = useState<ThemeChoice>(() => {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === "light" || saved === "dark" ? saved : "system";
  });
  useEffect(() => {
    const root = document.documentElement;
    if (choice === "system") root.removeAttribute("data-theme");
    else root.setAttribute("data-theme", choice);
    localStorage.setItem(STORAGE_KEY, choice);
  }, [choice]);
  const value = useMemo<Theme>(
    () => ({
      choice,
      setChoice: setChoiceState,
      cycle: () => setChoiceState((c) => order[(order.indexOf(c) + 1) % order.length]!),
    }),
    [choice],
  );
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
  const value = useContext(ThemeContext);
  if (!value) throw new Error("useTheme outside ThemeProvider");
  return value;
}
