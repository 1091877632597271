import {
  formatMessage,
  notificationSentencesEn,
  notificationSentencesKo,
  type MessageValues,
  type SayNotification,
} from "@orgo/api-contract";

/** The languages of push and mail: the person's own, as their app last reported it. */
export type Language = "en" | "ko";
export const asLanguage = (value: string): Language => (value === "ko" ? "ko" : "en");

/**
 * What OrGo says where the app is not open: push and mail. ICU MessageFormat, as in
 * the app: plurals follow each language's rules.
 */
const texts = {
  en: {
    "app.name": "OrGo",
    "push.newMessage": "New message",
    "push.newNotification": "New notification",
    "push.messages": "{count, plural, one {# new message} other {# new messages}}",
    "mail.open": "Open OrGo",
    "mail.settings": "Choose what OrGo sends you",
    "mail.unread.subject": "{count, plural, one {# unread message on OrGo} other {# unread messages on OrGo}}",
    "mail.unread.heading": "Messages are waiting for you",
    "mail.unread.intro": "People wrote to you while you were away.",
    "mail.unread.more": "{count, plural, one {and # more message} other {and # more messages}}",
    "mail.unread.openRoom": "Open the conversation",
    "mail.unread.why.15m": "You get this mail when a message waits unread for 15 minutes and OrGo is not open.",
    "mail.unread.why.1h": "You get this mail when a message waits unread for an hour and OrGo is not open.",
    "mail.unread.stop": "Stop mails about unread messages",
    "mail.digest.subject": "What you missed on OrGo",
    "mail.digest.heading": "While you were away",
    "mail.digest.forYou": "For you",
    "mail.digest.moreForYou": "{count, plural, one {and # more notification} other {and # more notifications}}",
    "mail.digest.popular": "Popular among people you follow",
    "mail.digest.likes": "{count, plural, one {# like} other {# likes}}",
    "mail.digest.why.daily": "You get this digest when you have not visited OrGo for a day.",
    "mail.digest.why.weekly": "You get this digest when you have not visited OrGo for a week.",
    "mail.digest.stop": "Stop digests",
    "unsubscribe.title": "Unsubscribe",
    "unsubscribe.unreadMail": "mails about unread messages",
    "unsubscribe.digest": "digests of what you missed",
    "unsubscribe.ask": "Stop {what} for {handle}?",
    "unsubscribe.button": "Unsubscribe",
    "unsubscribe.done": "Done: OrGo sends {handle} no more {what}. Nothing else changed.",
    "unsubscribe.again": "You can turn them on again in Settings → Notifications.",
    "unsubscribe.invalid":
      "This unsubscribe link is not valid. Change what OrGo sends you in Settings → Notifications.",
  },
  ko: {
    "app.name": "오르고",
    "push.newMessage": "새 메시지",
    "push.newNotification": "새 알림",
    "push.messages": "새 메시지 {count}개",
    "mail.open": "오르고 열기",
    "mail.settings": "받을 알림 고르기",
    "mail.unread.subject": "오르고에 읽지 않은 메시지 {count}개",
    "mail.unread.heading": "메시지가 기다리고 있어요",
    "mail.unread.intro": "자리를 비운 사이에 메시지가 왔어요.",
    "mail.unread.more": "외 메시지 {count}개",
    "mail.unread.openRoom": "대화 열기",
    "mail.unread.why.15m": "읽지 않은 메시지가 15분 동안 있고 오르고가 열려 있지 않으면 이 메일을 보내드려요.",
    "mail.unread.why.1h": "읽지 않은 메시지가 1시간 동안 있고 오르고가 열려 있지 않으면 이 메일을 보내드려요.",
    "mail.unread.stop": "읽지 않은 메시지 메일 그만 받기",
    "mail.digest.subject": "오르고에서 놓친 소식",
    "mail.digest.heading": "자리를 비운 사이",
    "mail.digest.forYou": "나에게 온 소식",
    "mail.digest.moreForYou": "외 알림 {count}개",
    "mail.digest.popular": "팔로우한 사람들의 인기 글",
    "mail.digest.likes": "좋아요 {count}개",
    "mail.digest.why.daily": "하루 동안 오르고를 방문하지 않으면 이 요약을 보내드려요.",
    "mail.digest.why.weekly": "일주일 동안 오르고를 방문하지 않으면 이 요약을 보내드려요.",
    "mail.digest.stop": "요약 메일 그만 받기",
    "unsubscribe.title": "수신 거부",
    "unsubscribe.unreadMail": "읽지 않은 메시지 메일",
    "unsubscribe.digest": "놓친 소식 요약 메일",
    "unsubscribe.ask": "{handle} 님에게 {what}을 그만 보낼까요?",
    "unsubscribe.button": "수신 거부",
    "unsubscribe.done": "완료: 이제 {handle} 님에게 {what}을 보내지 않아요. 다른 설정은 그대로예요.",
    "unsubscribe.again": "설정 → 알림에서 다시 켤 수 있어요.",
    "unsubscribe.invalid": "올바르지 않은 수신 거부 링크예요. 설정 → 알림에서 받을 알림을 바꿀 수 있어요.",
  },
} as const satisfies Record<Language, Record<string, string>>;

export type OutsideTextKey = keyof (typeof texts)["en"];

/** A text in the language, its arguments filled. */
export function say(language: Language, key: OutsideTextKey, params: MessageValues = {}): string {
  return formatMessage(texts[language][key], language, params);
}

/** The app's notification sentences, for push and the digest. */
export const sayNotification =
  (language: Language): SayNotification =>
  (key, params) =>
    formatMessage((language === "ko" ? notificationSentencesKo : notificationSentencesEn)[key], language, params);

/** One line of someone's text, at most `max` characters: a lock screen, a mail's list. */
export const clip = (text: string, max = 140) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
