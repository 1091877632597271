import { useNavigate } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { describeError } from "../../i18n/describe-error";
import { trpc } from "../../lib/trpc";

/** "Message" on the profile of someone I follow: opens (or reopens) our one room. */
export function MessageButton({ userId }: { userId: string }) {
  const i18n = useI18n();
  const navigate = useNavigate();
  const open = trpc.chat.openDirect.useMutation({ onSuccess: (room) => void navigate(`/chat/${room.id}`) });
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={open.isPending}
        onClick={() => open.mutate({ userId })}
        data-testid="message-button"
      >
        {i18n.t("chat.message")}
      </button>
      {open.isError && (
        <span className="field__error" role="alert">
          {describeError(open.error, i18n)}
        </span>
      )}
    </>
  );
}
