import { useI18n } from "../../i18n/i18n";
import { appLink, copyLink } from "../../lib/copy-link";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { ReportButton } from "../moderation/ReportButton";
import { ReactionPicker } from "./reactions/ReactionPicker";
import type { ShownMessage } from "./use-room";
import "./chat.css";

/**
 * A message's actions, in one row (shown on hover and focus, always on a touch screen):
 * react and reply on any message still there, edit and delete on mine, report on
 * someone else's.
 */
export function MessageActions(props: {
  message: ShownMessage;
  roomId: number;
  mine: boolean;
  onReact: (emoji: string) => void;
  onReply: () => void;
  onPin: (on: boolean) => void;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { message, mine } = props;
  if (message.state !== "sent" || message.deleted) return null;
  const there = !message.hidden;
  return (
    <span className="chat__actions">
      {there && <ReactionPicker onPick={props.onReact} />}
      {there && (
        <button type="button" className="button button--link small" onClick={props.onReply} data-testid="reply">
          {t("chat.reply")}
        </button>
      )}
      {there && (
        <button
          type="button"
          className="button button--link small"
          onClick={() => props.onPin(!message.pinned)}
          data-testid="pin"
        >
          {message.pinned ? t("chat.unpin") : t("chat.pin")}
        </button>
      )}
      {there && (
        <button
          type="button"
          className="button button--link small"
          onClick={() => copyLink(messageLink(props.roomId, message.seq), t("chat.linkCopied"))}
          data-testid="copy-link"
        >
          {t("chat.copyLink")}
        </button>
      )}
      {mine && (
        <>
          <button type="button" className="button button--link small" onClick={props.onEdit}>
            {t("chat.edit")}
          </button>
          <ConfirmButton
            className="button button--link small"
            label={t("chat.delete")}
            title={t("chat.deleteTitle")}
            explain={t("chat.deleteExplain")}
            onConfirm={props.onDelete}
          />
        </>
      )}
      {!mine && there && message.author && (
        <ReportButton target={{ kind: "message", roomId: props.roomId, seq: message.seq }} compact />
      )}
    </span>
  );
}

/** A message's address: it opens the conversation at that message, for its members only. */
const messageLink = (roomId: number, seq: number) => appLink(`/chat/${roomId}#message-${seq}`);
