import type { enModeration } from "./messages-moderation";

/** 모든 화면에 보이는 운영 문구: 신고 버튼, 숨겨진 글 안내, 알림, 정지된 로그인. */
export const koModeration: Record<keyof typeof enModeration, string> = {
  "report.open": "신고…",
  "report.openNamed": "{what} 신고",
  "report.what.post": "이 글",
  "report.what.comment": "이 댓글",
  "report.what.message": "이 메시지",
  "report.what.profile": "이 사람",
  "report.what.study": "이 스터디",
  "report.what.mentor": "이 멘토 프로필",
  "moderation.hiddenBanner": "운영진이 숨겼어요. 나만 볼 수 있어요. 사유: {reason}",
  "moderation.heldBanner": "검토 대기 중: 운영진이 확인하기 전까지는 나만 볼 수 있어요.",
  "moderation.seeDecision": "결정 보기",
  "moderation.hiddenBadge": "숨겨짐",
  "moderation.heldBadge": "검토 대기",
  "moderation.hiddenComment": "운영진이 숨긴 댓글이에요",
  "moderation.hiddenMessage": "운영진이 숨긴 메시지예요",
  "moderation.hiddenProfile": "운영진이 이름, 사진, 소개를 숨겼어요. 다른 사람에게는 아이디만 보여요.",
  "settings.reports": "내 신고",
  "notifications.openDecision": "결정 보기",
  "notifications.openReports": "내 신고 보기",
  "auth.suspendedUntil": "이 계정은 {date}까지 정지되었어요. 사유: {reason}",
  "auth.suspendedIndefinitely": "이 계정은 운영진이 풀 때까지 정지되었어요. 사유: {reason}",
  "nav.moderation": "운영",
  "nav.admin": "관리",
};
