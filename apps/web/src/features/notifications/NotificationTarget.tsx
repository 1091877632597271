import { Link } from "react-router";
import type { TNotification } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { PostPane } from "../feed/PostPane";
import { ProfileSummary } from "../profile/ProfileSummary";
import { StudyPage } from "../studies/StudyPage";
import { notificationPath } from "@orgo/api-contract/constants";
import { notificationText } from "./notification-text";
import { lazyPage } from "../../lib/lazy-page";
import { Suspense } from "react";
import { DetailSkeleton } from "../../ui/DetailSkeleton";

const DecisionDetail = lazyPage(() => import("../moderation/DecisionDetail"), "DecisionDetail");

/**
 * What a notification is about, beside the list: the post, the study or the person.
 * A conversation, a mentoring request or a moderators' decision lives in its own
 * section: a way there.
 */
export function NotificationTarget({ notification: n }: { notification: TNotification }) {
  const { t } = useI18n();
  if (n.post) return <PostPane postId={n.post.id} commentId={n.commentId} />;
  if (n.study) return <StudyPage key={n.study.id} studyId={n.study.id} />;
  if (n.moderation && n.type !== "report_decided") {
    return (
      <Suspense fallback={<DetailSkeleton />}>
        <DecisionDetail key={n.moderation.decisionId} decisionId={n.moderation.decisionId} />
      </Suspense>
    );
  }
  if (n.room || n.mentoring || n.moderation) {
    return (
      <div className="page">
        <p>{notificationText(n, t)}</p>
        <Link to={notificationPath(n)} className="button button--primary">
          {t(
            n.moderation
              ? n.type === "report_decided"
                ? "notifications.openReports"
                : "notifications.openDecision"
              : n.room
                ? "notifications.openChat"
                : "notifications.openMentoring",
          )}
        </Link>
      </div>
    );
  }
  return <ProfileSummary key={n.actor.handle} handle={n.actor.handle} />;
}
