import { useState } from "react";
import type { TPostSummary } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { describeError } from "../../lib/errors";
import { useMe } from "../auth/use-me";

/** Turns at once (optimistic); if the server refuses, it turns back and says why. */
export function LikeButton({ post }: { post: TPostSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [shown, setShown] = useState({ liked: post.likedByMe, likeCount: post.likeCount, for: post.id });
  const state = shown.for === post.id ? shown : { liked: post.likedByMe, likeCount: post.likeCount, for: post.id };
  const options = {
    onSuccess: (server: { liked: boolean; likeCount: number }) => setShown({ ...server, for: post.id }),
    onError: () => setShown({ liked: post.likedByMe, likeCount: post.likeCount, for: post.id }),
  };
  const like = trpc.post.like.useMutation(options);
  const unlike = trpc.post.unlike.useMutation(options);
  const error = like.error ?? unlike.error;
  const toggle = () => {
    const next = !state.liked;
    setShown({ liked: next, likeCount: state.likeCount + (next ? 1 : -1), for: post.id });
    (next ? like : unlike).mutate({ id: post.id });
  };
  return (
    <span className="like">
      <button
        type="button"
        className={`button like__button${state.liked ? " is-on" : ""}`}
        aria-pressed={state.liked}
        disabled={!me.data}
        title={me.data ? undefined : t("composer.signInFirst")}
        onClick={toggle}
        data-testid="like"
      >
        <span aria-hidden>{state.liked ? "♥" : "♡"}</span> {t("post.likes", { count: state.likeCount })}
      </button>
      {error && (
        <span className="form__error small" role="alert">
          {describeError(error, i18n)}
        </span>
      )}
    </span>
  );
}
