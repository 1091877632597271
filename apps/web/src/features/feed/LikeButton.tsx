import type { TPostSummary } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { useMe } from "../auth/use-me";
import { useHotkeys } from "../../lib/hotkeys";
import { useLikeToggle } from "../../lib/use-like-toggle";
import { LikeToggle } from "../../ui/LikeToggle";
import "./feed.css";

/**
 * Turns at once (optimistic); if the server refuses, it turns back and says why.
 * The count shown is the post's, which moves live as others like it.
 * One button per post: the post pane is keyed by the post id.
 */
export function LikeButton({ post }: { post: TPostSummary }) {
  const { t } = useI18n();
  const me = useMe();
  const utils = trpc.useUtils();
  const like = trpc.post.like.useMutation();
  const unlike = trpc.post.unlike.useMutation();
  const { state, toggle, error } = useLikeToggle(
    { liked: post.likedByMe, likeCount: post.likeCount },
    (on) => (on ? like : unlike).mutateAsync({ id: post.id }),
    // The post's cached state is the truth again, and live counts move it.
    (answer) =>
      utils.post.byId.setData(
        { id: post.id },
        (old) => old && { ...old, likedByMe: answer.liked, likeCount: answer.likeCount },
      ),
  );
  // "l" likes the open post (its one button: the pane is keyed by the post).
  useHotkeys({ keys: { l: toggle }, enabled: Boolean(me.data) });
  return (
    <span className="like">
      <LikeToggle
        state={state}
        onToggle={toggle}
        error={error}
        signedIn={Boolean(me.data)}
        signInHint={t("feed.signInToLike")}
        className="button like__button"
        testId="like"
      >
        {" "}
        {t("post.likes", { count: state.likeCount })}
      </LikeToggle>
    </span>
  );
}
