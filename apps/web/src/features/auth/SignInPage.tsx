import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { FormError } from "../../ui/FormError";
import { EmailField, PasswordField } from "../../ui/Field";
import { AuthCard } from "./AuthCard";
import { ProviderButtons } from "./ProviderButtons";
import { restartApp } from "./use-me";
import { SuspendedNotice, suspensionOf } from "./SuspendedNotice";

export function SignInPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = trpc.auth.signIn.useMutation({ onSuccess: () => restartApp("/") });
  const errors = fieldErrorsOf(signIn.error, i18n);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!signIn.isPending) signIn.mutate({ email, password });
  };
  return (
    <AuthCard title={t("auth.signInTitle")} onSubmit={submit}>
      <ProviderButtons />
      <EmailField
        label={t("auth.email")}
        name="email"
        value={email}
        onValue={setEmail}
        errors={errors.email}
        autoFocus
      />
      <PasswordField
        label={t("auth.password")}
        name="password"
        value={password}
        onValue={setPassword}
        errors={errors.password}
      />
      <SuspendedNotice error={signIn.error} />
      {!suspensionOf(signIn.error) && <FormError error={signIn.error} />}
      <button type="submit" className="button button--primary" disabled={signIn.isPending}>
        {t("auth.signIn")}
      </button>
      <p className="muted small">
        <Link to="/forgot-password">{t("auth.forgot")}</Link>
      </p>
      <p className="muted small">
        {t("auth.noAccount")} <Link to="/signup">{t("auth.signUp")}</Link>
      </p>
    </AuthCard>
  );
}
