import { useState } from "react";
import type { TFeedKind } from "@orgo/api-contract/schemas";

const KEY = "orgo.feed.kind";

/** Which feed the list shows, remembered across visits; Following needs a signed-in reader. */
export function useFeedKind(signedIn: boolean): [TFeedKind, (kind: TFeedKind) => void] {
  const [kind, setKindState] = useState<TFeedKind>(() => {
    const saved = localStorage.getItem(KEY);
    return saved === "following" || saved === "popular" ? saved : "latest";
  });
  const setKind = (next: TFeedKind) => {
    localStorage.setItem(KEY, next);
    setKindState(next);
  };
  return [kind === "following" && !signedIn ? "latest" : kind, setKind];
}
