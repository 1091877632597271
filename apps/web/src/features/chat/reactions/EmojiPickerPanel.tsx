import EmojiPicker, { SuggestionMode, type PickerLabels } from "emoji-picker-react";
import { useI18n } from "../../../i18n/i18n";
import { useTheme } from "../../../theme/theme";

// Korean names and search terms for the emoji themselves (loaded only for Korean readers).
const koreanEmoji = () => import("emoji-picker-react/data/emojis-ko");

/** The picker's own words, in Korean; English is the picker's default. */
const koreanLabels: Partial<PickerLabels> = {
  searchPlaceholder: "검색",
  searchLabel: "이모지 검색",
  searchClear: "지우기",
  searchResultsNone: "맞는 이모지가 없어요",
  searchResultsOne: "이모지 1개",
  searchResultsMany: "이모지 %n개",
  categoryNavigation: "분류",
  reactions: "반응",
  expandReactions: "이모지 더 보기",
  loading: "불러오는 중…",
  loadingError: "이모지를 불러오지 못했어요",
  retryLoading: "다시 시도",
  skinToneNeutral: "기본 피부색",
  skinToneLight: "밝은 피부색",
  skinToneMediumLight: "약간 밝은 피부색",
  skinToneMedium: "중간 피부색",
  skinToneMediumDark: "약간 어두운 피부색",
  skinToneDark: "어두운 피부색",
};

/** The emoji picker itself: a module of its own, so it loads with the first opening. */
export default function EmojiPickerPanel({ onPick }: { onPick: (emoji: string) => void }) {
  const { language } = useI18n();
  const korean = language === "ko";
  const { choice } = useTheme();
  return (
    <EmojiPicker
      reactionsDefaultOpen
      allowExpandReactions
      suggestedEmojisMode={SuggestionMode.RECENT}
      colorScheme={choice === "system" ? "auto" : choice}
      width={320}
      height={380}
      previewConfig={{ showPreview: false }}
      emojiData={korean ? koreanEmoji : undefined}
      labels={korean ? koreanLabels : undefined}
      onReactionClick={({ emoji }) => onPick(emoji)}
      onEmojiClick={({ emoji }) => onPick(emoji)}
    />
  );
}
