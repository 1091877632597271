import { useState } from "react";
import type { TLikeState } from "@orgo/api-contract/schemas";

/**
 * A like that turns at once (optimistic): `send` asks the server, `settle` stores its
 * answer where the page reads it, and the loaded state is the truth again. If the
 * server refuses, the button turns back and `error` says why.
 */
export function useLikeToggle(
  loaded: TLikeState,
  send: (like: boolean) => Promise<TLikeState>,
  settle: (answer: TLikeState) => void,
) {
  // What the button shows ahead of the server; null shows the loaded state.
  const [shown, setShown] = useState<TLikeState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const state = shown ?? loaded;
  const toggle = () => {
    const next = !state.liked;
    setShown({ liked: next, likeCount: state.likeCount + (next ? 1 : -1) });
    setError(null);
    send(next).then(
      (answer) => {
        settle(answer);
        setShown(null);
      },
      (refused: unknown) => {
        setError(refused);
        setShown(null);
      },
    );
  };
  return { state, toggle, error };
}
