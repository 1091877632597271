import { useSearchParams } from "react-router";
import { feedKinds } from "@orgo/api-contract/constants";
import type { TFeedKind } from "@orgo/api-contract/schemas";

const KEY = "orgo.feed.kind";

function isFeedKind(value: string | null): value is TFeedKind {
  return (feedKinds as readonly (string | null)[]).includes(value);
}

/**
 * Which feed the list shows: in the address (`?feed=popular`, so a link, Back and
 * Forward keep it), else the last one chosen; Following needs a signed-in reader.
 */
export function useFeedKind(signedIn: boolean): [TFeedKind, (kind: TFeedKind) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get("feed");
  const saved = localStorage.getItem(KEY);
  const kind: TFeedKind = isFeedKind(fromUrl) ? fromUrl : isFeedKind(saved) ? saved : "latest";
  const setKind = (next: TFeedKind) => {
    localStorage.setItem(KEY, next);
    setParams((current) => {
      current.set("feed", next);
      return current;
    });
  };
  return [kind === "following" && !signedIn ? "latest" : kind, setKind];
}
