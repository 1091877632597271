import type { MailMessage } from "../../platform/mail/mailer.js";

/**
 * Every mail OrGo sends, in both of its languages: we do not know which one the
 * reader prefers before they sign in, so each mail carries both.
 */
export const mailTemplates = {
  signUpCode: (to: string, code: string): MailMessage => ({
    to,
    subject: `OrGo: your code is ${code} / 인증 코드 ${code}`,
    text: [
      `Your OrGo sign-up code is ${code}. It expires in 10 minutes.`,
      "",
      `오르고 가입 인증 코드는 ${code} 입니다. 10분 동안 유효해요.`,
    ].join("\n"),
  }),

  alreadyRegistered: (to: string, origin: string): MailMessage => ({
    to,
    subject: "OrGo: you already have an account / 이미 가입된 주소예요",
    text: [
      "Someone (maybe you) tried to sign up with this address, which already has an account.",
      `Sign in at ${origin}/signin, or reset your password at ${origin}/forgot-password.`,
      "",
      "누군가(아마 본인) 이미 가입된 이 주소로 가입하려고 했어요.",
      `${origin}/signin 에서 로그인하거나 ${origin}/forgot-password 에서 비밀번호를 재설정하세요.`,
    ].join("\n"),
  }),

  passwordReset: (to: string, link: string, validMinutes: number): MailMessage => ({
    to,
    subject: "OrGo: reset your password / 비밀번호 재설정",
    text: [
      `Open this link to choose a new password. It works once, for ${validMinutes} minutes:`,
      link,
      "If you did not ask for it, ignore this mail: your password stays as it is.",
      "",
      `아래 링크에서 새 비밀번호를 정하세요. ${validMinutes}분 동안 한 번만 쓸 수 있어요:`,
      link,
      "요청하지 않았다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않아요.",
    ].join("\n"),
  }),
};
