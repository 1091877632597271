import { Link } from "react-router";
import type { TNotification } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { PostPane } from "../feed/PostPane";
import { ProfileSummary } from "../profile/ProfileSummary";
import { StudyPage } from "../studies/StudyPage";
import { notificationPath, notificationText } from "./notification-text";

/**
 * What a notification is about, beside the list: the post, the study or the person.
 * A conversation or a mentoring request lives in its own section: a way there.
 */
export function NotificationTarget({ notification: n }: { notification: TNotification }) {
  const { t } = useI18n();
  if (n.post) return <PostPane postId={n.post.id} />;
  if (n.study) return <StudyPage key={n.study.id} studyId={n.study.id} />;
  if (n.room || n.mentoring) {
    return (
      <div className="page">
        <p>{notificationText(n, t)}</p>
        <Link to={notificationPath(n)} className="button button--primary">
          {t(n.room ? "notifications.openChat" : "notifications.openMentoring")}
        </Link>
      </div>
    );
  }
  return <ProfileSummary key={n.actor.handle} handle={n.actor.handle} />;
}
