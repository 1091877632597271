import { Link } from "react-router";
import type { TProfile } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { Avatar } from "../../ui/Avatar";
import { useMe } from "../auth/use-me";
import { FollowButton } from "./FollowButton";
import { MessageButton } from "../chat/MessageButton";
import { MentorLink } from "../mentoring/MentorLink";
import { BlockButton } from "./BlockButton";
import { ReportButton } from "../moderation/ReportButton";
import "./profile.css";

/**
 * Who someone is and what I can do about it (follow, message, block; edit, for me):
 * the top of a profile, and what search and notifications show beside their lists.
 */
export function ProfileHeader({
  user,
  onChange,
  heading = "h1",
}: {
  user: TProfile;
  onChange: () => void;
  heading?: "h1" | "h2";
}) {
  const { t, formatDay } = useI18n();
  const me = useMe();
  const Heading = heading;
  return (
    <header className="profile__header">
      <Avatar user={user} size={88} />
      <div className="profile__who">
        <Heading>{user.displayName}</Heading>
        <p className="muted">@{user.handle}</p>
        {user.bio && <p className="profile__bio">{user.bio}</p>}
        <p className="muted small">{t("profile.joined", { date: formatDay(user.joinedAt) })}</p>
        {user.isMe && user.hidden && (
          <p className="moderation-note" role="note">
            {t("moderation.hiddenProfile")}
          </p>
        )}
      </div>
      <div className="profile__actions">
        {user.isMe ? (
          <Link to="/settings/profile" className="button">
            {t("profile.edit")}
          </Link>
        ) : (
          me.data && (
            <>
              {!user.blockedByMe && <FollowButton profile={user} />}
              {user.followedByMe && !user.blockedByMe && <MessageButton handle={user.handle} />}
              <BlockButton user={user} onChange={onChange} />
              <ReportButton target={{ kind: "profile", userId: user.id }} />
            </>
          )
        )}
        {user.followsMe && <span className="badge">{t("profile.followsYou")}</span>}
        <MentorLink userId={user.id} />
      </div>
    </header>
  );
}
