import { useState } from "react";
import type { TProfile } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { describeError } from "../../i18n/describe-error";

/** Follow / unfollow, turned at once and turned back if the server refuses. */
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
  const following = optimistic ?? profile.followedByMe;
  const settle = {
    onSettled: async () => {
      await utils.user.profile.invalidate({ handle: profile.handle });
      setOptimistic(null);
    },
  };
  const follow = trpc.social.follow.useMutation(settle);
  const unfollow = trpc.social.unfollow.useMutation(settle);
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
