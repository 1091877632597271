import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { FormError } from "../../ui/FormError";
import { PasswordField } from "../../ui/Field";
import { AuthCard } from "./AuthCard";
import { restartApp } from "./use-me";

/** The mailed link lands here with the token in the fragment (never sent to a server by the browser). */
function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
}

export function ResetPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [token] = useState(tokenFromFragment);
  const [newPassword, setNewPassword] = useState("");
  const reset = trpc.auth.resetPassword.useMutation({ onSuccess: () => restartApp("/") });
  const errors = fieldErrorsOf(reset.error, i18n);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reset.isPending) reset.mutate({ token, newPassword });
  };
  const linkBroken = !token || errors.token;
  return (
    <AuthCard title={t("auth.resetTitle")} onSubmit={submit}>
      {linkBroken ? (
        <p className="form__error" role="alert">
          {errors.token?.join(" ") ?? t("auth.resetNoToken")}
        </p>
      ) : (
        <>
          <PasswordField
            label={t("settings.newPassword")}
            name="newPassword"
            isNew
            hint={t("auth.passwordHint")}
            value={newPassword}
            onValue={setNewPassword}
            errors={errors.newPassword}
            autoFocus
          />
          <p className="muted small">{t("auth.resetEndsSessions")}</p>
          <FormError error={reset.error} />
          <button type="submit" className="button button--primary" disabled={reset.isPending}>
            {t("auth.resetSubmit")}
          </button>
        </>
      )}
      <p className="muted small">
        <Link to="/forgot-password">{t("auth.forgot")}</Link> · <Link to="/signin">{t("auth.backToSignIn")}</Link>
      </p>
    </AuthCard>
  );
}
