import type { ServerMessageKey } from "@orgo/api-contract/schemas";

/**
 * Korean for every message the server may send (English is the server's own
 * text). The type demands a line for each key, so a new server message cannot
 * reach a Korean reader untranslated.
 */
export const serverMessagesKo: Record<ServerMessageKey, string> = {
  invalidEmail: "올바른 이메일 주소를 입력하세요",
  passwordTooShort: "8자 이상이어야 해요",
  passwordTooLong: "256자 이하여야 해요",
  passwordRequired: "비밀번호를 입력하세요",
  currentPasswordRequired: "현재 비밀번호를 입력하세요",
  nameRequired: "이름을 입력하세요",
  nameTooLong: "50자 이하여야 해요",
  bioTooLong: "300자 이하여야 해요",
  handleFormat: "a-z, 0-9, _ 로 3–30자",
  handleTaken: "이미 사용 중인 핸들이에요",
  takenMeanwhile: "그사이 다른 사람이 이 핸들이나 이메일을 사용했어요",
  codeFormat: "코드는 6자리 숫자예요",
  codeExpired: "코드가 만료됐어요. 새 코드를 요청하세요.",
  wrongCode: "코드가 맞지 않아요",
  tooManyCodes: "잘못된 코드를 너무 많이 입력했어요. 새 코드를 요청하세요.",
  codeJustSent: "방금 코드를 보냈어요",
  wrongCredentials: "이메일 또는 비밀번호가 맞지 않아요",
  tooManyAttempts: "시도가 너무 많아요. 잠시 후 다시 해 주세요.",
  currentPasswordWrong: "현재 비밀번호가 맞지 않아요",
  passwordWrong: "비밀번호가 맞지 않아요",
  resetLinkInvalid: "링크가 잘못됐거나, 만료됐거나, 이미 사용됐어요. 새 링크를 요청하세요.",
  freshSignInRequired: "다시 로그인한 뒤 10분 안에 계정을 삭제하세요.",
  confirmationMismatch: "확인을 위해 핸들을 입력하세요",
  noSuchSession: "해당 세션이 없어요",
  noSuchUser: "해당 사용자가 없어요",
  signInFirst: "먼저 로그인하세요",
  useHttp: "이 요청은 HTTP로 보내야 해요",
  titleRequired: "제목을 입력하세요",
  bodyRequired: "내용을 입력하세요",
  imageTooLarge: "이미지가 5MB보다 커요",
  imageUnsupported: "JPEG, PNG, WebP, GIF, AVIF 이미지를 사용하세요",
  imageTooManyPixels: "이미지의 픽셀 수가 너무 많아요",
  imageUnreadable: "이미지를 읽을 수 없어요",
  lastSignInMethod: "먼저 비밀번호를 설정하세요. 지금은 이것이 유일한 로그인 방법이에요",
};
