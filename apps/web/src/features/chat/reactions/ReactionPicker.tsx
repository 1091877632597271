import { lazy, Suspense, useState } from "react";
import { PopoverButton } from "../../../ui/PopoverButton";
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
    <PopoverButton
      open={open}
      onOpenChange={setOpen}
      label={t("chat.react")}
      face={<SmilePlus size={16} aria-hidden />}
      className="button button--link small reaction-add"
      testId="add-reaction"
      disabled={disabled}
      panelClassName="reaction-picker"
    >
      <Suspense fallback={<p className="muted small reaction-picker__loading">{t("chat.loading")}</p>}>
        <EmojiPicker
          onPick={(emoji) => {
            setOpen(false);
            onPick(emoji);
          }}
        />
      </Suspense>
    </PopoverButton>
  );
}
