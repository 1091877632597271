import { Bell, BellOff } from "lucide-react";
import "./chat-messages";
import type { TChatRoom } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import "./chat.css";

/** Mutes a room for me: its messages still count as unread, but are never announced. */
export function MuteButton({ room }: { room: TChatRoom }) {
  const { t } = useI18n();
  const utils = trpc.useUtils();
  const mute = trpc.chat.mute.useMutation({
    onSuccess: (answer) => {
      utils.chat.room.setData({ roomId: room.id }, answer);
      void utils.chat.inbox.invalidate();
    },
  });
  return (
    <button
      type="button"
      className="button button--ghost small chat__mute"
      aria-pressed={room.muted}
      title={room.muted ? t("chat.muted") : undefined}
      disabled={mute.isPending}
      onClick={() => mute.mutate({ roomId: room.id, muted: !room.muted })}
    >
      {/* Drawn, not an emoji: a machine without an emoji font showed a box. */}
      {room.muted ? <BellOff size={16} aria-hidden /> : <Bell size={16} aria-hidden />}
      {room.muted ? t("chat.unmute") : t("chat.mute")}
    </button>
  );
}
