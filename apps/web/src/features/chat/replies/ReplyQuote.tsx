import { CornerUpLeft } from "lucide-react";
import { CHAT_QUOTE_CHARS, plainExcerpt } from "@orgo/api-contract/constants";
import type { TReplyQuote } from "@orgo/api-contract/schemas";
import { useI18n } from "../../../i18n/i18n";
import type { ShownMessage } from "../use-room";
import "./replies.css";

/**
 * The message a reply answers, quoted above it; a click goes to it. When the original
 * is on screen its words are current (an edit since shows, a deletion since says
 * "Original message deleted"); otherwise the quote is as the server sent it.
 */
export function ReplyQuote({
  quote,
  original,
  onGo,
}: {
  quote: TReplyQuote;
  original: ShownMessage | undefined;
  onGo: (seq: number) => void;
}) {
  const { t } = useI18n();
  const gone = quote.gone || Boolean(original && (original.deleted || original.hidden));
  const excerpt = original && !gone ? plainExcerpt(original.body, CHAT_QUOTE_CHARS) : quote.excerpt;
  const name = quote.author?.displayName ?? t("chat.deletedAccount");
  return (
    <button
      type="button"
      className="chat__quote"
      onClick={() => onGo(quote.seq)}
      aria-label={t("chat.goToOriginal", { name })}
      data-testid="reply-quote"
    >
      <CornerUpLeft size={14} aria-hidden />
      {gone ? (
        <span className="muted">{t("chat.originalDeleted")}</span>
      ) : (
        <>
          <strong>{name}</strong> <span className="chat__quote-text">{excerpt}</span>
        </>
      )}
    </button>
  );
}
