import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { describeError } from "../../i18n/describe-error";
import { ProfileHeader } from "./ProfileHeader";
import { DetailSkeleton } from "../../ui/DetailSkeleton";

/** Someone beside a list that found them (search, notifications): who they are, and the way to their profile. */
export function ProfileSummary({ handle }: { handle: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const utils = trpc.useUtils();
  const profile = trpc.user.profile.useQuery({ handle }, { retry: false });
  if (profile.error) return <p className="placeholder">{describeError(profile.error, i18n)}</p>;
  if (!profile.data) return <DetailSkeleton />;
  const user = profile.data;
  return (
    <div className="page profile">
      <ProfileHeader user={user} heading="h2" onChange={() => void utils.user.profile.invalidate()} />
      <p>
        <Link to={`/u/${user.handle}`} className="button">
          {t("profile.open", { count: user.postCount })}
        </Link>
      </p>
    </div>
  );
}
