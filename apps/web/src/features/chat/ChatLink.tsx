import { NavLink } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { useInbox, useUnreadTitle } from "./use-inbox";
import { useReportVisibility } from "./presence";

/** The rail's way to the chat, with the total of unread messages. */
export function ChatLink() {
  const { t } = useI18n();
  const { signedIn, unreadTotal } = useInbox();
  useUnreadTitle(unreadTotal);
  useReportVisibility(signedIn);
  if (!signedIn) return null;
  return (
    <NavLink to="/chat" className="rail__item" title={t("nav.chat")}>
      <span aria-hidden className="rail__icon">
        ✉
      </span>
      {unreadTotal > 0 && (
        <span className="rail__badge" aria-label={t("chat.unread", { count: unreadTotal })} data-testid="chat-unread">
          {unreadTotal > 99 ? "99+" : unreadTotal}
        </span>
      )}
      <span className="rail__label">{t("nav.chat")}</span>
    </NavLink>
  );
}
