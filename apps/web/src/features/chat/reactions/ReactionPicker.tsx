import { lazy, Suspense, useState } from "react";
import * as Popover from "@radix-ui/react-popover";
import { SmilePlus } from "lucide-react";
import { useI18n } from "../../../i18n/i18n";
import "./reactions.css";

// The picker and its emoji data load when first opened, never with the chat page.
const EmojiPicker = lazy(() => import("./EmojiPickerPanel"));

/**
 * "Add a reaction": a quick row of the usual reactions that expands to the whole set
 * with search, its "Recent" row kept by the picker (emoji-picker-react). Native emoji:
 * no image is fetched from anywhere.
 */
export function ReactionPicker({ onPick, disabled }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className="button button--link small reaction-add"
          aria-label={t("chat.react")}
          title={t("chat.react")}
          disabled={disabled}
          data-testid="add-reaction"
        >
          <SmilePlus size={16} aria-hidden />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover-panel reaction-picker" sideOffset={4} collisionPadding={12}>
          <Suspense fallback={<p className="muted small reaction-picker__loading">{t("chat.loading")}</p>}>
            <EmojiPicker
              onPick={(emoji) => {
                setOpen(false);
                onPick(emoji);
              }}
            />
          </Suspense>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
