import { useEffect, useState } from "react";
import type { TPostImage, TSharedFile } from "@orgo/api-contract/schemas";

export interface Draft {
  title: string;
  body: string;
  images: TPostImage[];
  /** Shared files (PDF, ZIP, text and code); drafts saved before files had none. */
  files: TSharedFile[];
}

const KEY = "orgo.composer.draft";
export const emptyDraft: Draft = { title: "", body: "", images: [], files: [] };

function read(): Draft {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<Draft> | null;
    return saved ? { ...emptyDraft, ...saved } : emptyDraft;
  } catch {
    return emptyDraft;
  }
}

/**
 * The new post being written, kept in the browser as it is typed: closing the
 * dialog, a reload or a crash loses nothing. `clear` forgets it once published.
 */
export function useDraft(enabled: boolean) {
  const [draft, setDraft] = useState<Draft>(() => (enabled ? read() : emptyDraft));
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => localStorage.setItem(KEY, JSON.stringify(draft)), 300);
    return () => clearTimeout(timer);
  }, [draft, enabled]);
  const clear = () => {
    localStorage.removeItem(KEY);
    setDraft(emptyDraft);
  };
  return { draft, setDraft, clear };
}
