import { useCallback } from "react";
import { RailLink } from "../../ui/RailLink";
import { MessagesSquare } from "lucide-react";
import { useMatch, useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { useInbox, useUnreadTitle } from "./use-inbox";
import { useReportVisibility } from "./presence";
import { useMessageNotifications } from "./desktop-notifications";
import { trpc } from "../../lib/trpc";
import { useIsVisitor } from "../auth/use-me";

/** The rail's way to the chat, with the total of unread messages. */
export function ChatLink() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { signedIn, unreadTotal, rooms, inbox } = useInbox();
  const visitor = useIsVisitor();
  // The tab's title counts unread messages and notifications (the rail keeps the latter live).
  const notifications = trpc.notification.unreadCount.useQuery(undefined, { enabled: signedIn });
  useUnreadTitle(unreadTotal + (notifications.data ?? 0));
  const openRoom = useMatch("/chat/:roomId")?.params.roomId;
  useMessageNotifications(
    inbox.isSuccess ? rooms : null,
    openRoom ? Number(openRoom) : null,
    useCallback((roomId: number) => void navigate(`/chat/${roomId}`), [navigate]),
    signedIn,
  );
  useReportVisibility(signedIn);
  // Drawn for a likely member while auth.me is on its way (no badge yet): the bar keeps its set.
  if (visitor) return null;
  return (
    <RailLink
      to="/chat"
      icon={MessagesSquare}
      label={t("nav.chat")}
      badge={
        unreadTotal > 0 && (
          <span className="rail__badge" aria-label={t("chat.unread", { count: unreadTotal })} data-testid="chat-unread">
            {unreadTotal > 99 ? "99+" : unreadTotal}
          </span>
        )
      }
    />
  );
}
