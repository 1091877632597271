import { useState } from "react";
import type { TProfile } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { describeError } from "../../i18n/describe-error";
import { confirmFollow, useFollowing } from "./follow-state";

/**
 * Follow / unfollow, turned at once and turned back if the server refuses. What the
 * server confirmed stays shown, here and on every other button for that person, even
 * where the page's data is older than the follow (see follow-state).
 */
export function FollowButton({
  profile,
  onChange,
}: {
  profile: Pick<TProfile, "id" | "handle" | "followedByMe">;
  /** Told of each turn, as it is made. */
  onChange?: (following: boolean) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const utils = trpc.useUtils();
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const known = useFollowing(profile.id, profile.followedByMe);
  const following = optimistic ?? known;
  const settle = (turnedTo: boolean) => ({
    onSuccess: () => confirmFollow(profile.id, turnedTo, profile.followedByMe),
    onSettled: async () => {
      setOptimistic(null);
      await utils.user.profile.invalidate({ handle: profile.handle });
    },
  });
  const follow = trpc.social.follow.useMutation(settle(true));
  const unfollow = trpc.social.unfollow.useMutation(settle(false));
  const error = follow.error ?? unfollow.error;
  return (
    <>
      <button
        type="button"
        className={`button${following ? "" : " button--primary"}`}
        aria-pressed={following}
        data-testid="follow"
        onClick={() => {
          setOptimistic(!following);
          onChange?.(!following);
          (following ? unfollow : follow).mutate({ userId: profile.id });
        }}
      >
        {following ? t("profile.following") : t("profile.follow")}
      </button>
      {error && (
        <span className="form__error small" role="alert">
          {describeError(error, i18n)}
        </span>
      )}
    </>
  );
}
