import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";

/**
 * "Message" on the profile of someone I follow: our conversation, or the start of one
 * (made with its first message, not by this click).
 */
export function MessageButton({ handle }: { handle: string }) {
  const { t } = useI18n();
  return (
    <Link to={`/chat/new/${handle}`} className="button" data-testid="message-button">
      {t("chat.message")}
    </Link>
  );
}
