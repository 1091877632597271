import type { TMessageReaction } from "@orgo/api-contract/schemas";
import { useI18n } from "../../../i18n/i18n";
import { ReactionPicker } from "./ReactionPicker";
import "./reactions.css";

/**
 * A message's reactions: one chip per emoji with its count, pressed when mine is among
 * them (a click toggles it); who reacted on hover or long-press (the chip's title),
 * and "add a reaction" at the end.
 */
export function MessageReactions({
  reactions,
  meId,
  canReact,
  onToggle,
}: {
  reactions: TMessageReaction[];
  meId: string | null;
  /** Whether this person may react here (a sent message, still there). */
  canReact: boolean;
  onToggle: (emoji: string, on: boolean) => void;
}) {
  const { t, language } = useI18n();
  if (reactions.length === 0 && !canReact) return null;
  const list = new Intl.ListFormat(language, { style: "short", type: "conjunction" });
  const who = (reaction: TMessageReaction) => {
    const names = list.format(reaction.users.map((user) => (user.id === meId ? t("chat.you") : user.displayName)));
    const others = reaction.count - reaction.users.length;
    return others > 0
      ? t("chat.reactedByMore", { names, count: others, emoji: reaction.emoji })
      : t("chat.reactedBy", { names, emoji: reaction.emoji });
  };
  return (
    <div className="reactions" role="group" aria-label={t("chat.reactions")} data-testid="reactions">
      {reactions.map((reaction) => {
        const mine = meId !== null && reaction.userIds.includes(meId);
        return (
          <button
            key={reaction.emoji}
            type="button"
            className={`button reaction${mine ? " reaction--mine" : ""}`}
            aria-pressed={mine}
            aria-label={t("chat.reactionCount", { emoji: reaction.emoji, count: reaction.count })}
            title={who(reaction)}
            disabled={!canReact}
            onClick={() => onToggle(reaction.emoji, !mine)}
          >
            <span aria-hidden>{reaction.emoji}</span>
            <span className="reaction__count" aria-hidden>
              {reaction.count}
            </span>
          </button>
        );
      })}
      {canReact && <ReactionPicker onPick={(emoji) => onToggle(emoji, true)} />}
    </div>
  );
}
