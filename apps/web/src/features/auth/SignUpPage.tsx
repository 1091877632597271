import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { FormError } from "../../ui/FormError";
import { Field, EmailField, PasswordField } from "../../ui/Field";
import { AuthCard } from "./AuthCard";
import { ProviderButtons } from "./ProviderButtons";
import { restartApp } from "./use-me";
import "./auth.css";

/** Two steps: the account details, then the 6-digit code mailed to the address. */
export function SignUpPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [form, setForm] = useState({ email: "", password: "", handle: "", displayName: "" });
  const [code, setCode] = useState("");
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const start = trpc.auth.signUpStart.useMutation({
    onSuccess: (started) => {
      setNow(Date.now());
      setResendAt(Date.now() + started.resendAfterSeconds * 1000);
    },
  });
  // A new account starts with its first steps (people, studies, profile).
  const verify = trpc.auth.signUpVerify.useMutation({ onSuccess: () => restartApp("/welcome") });
  const step = start.data ? "code" : "details";

  useEffect(() => {
    if (step !== "code") return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [step]);

  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submitDetails = (event: FormEvent) => {
    event.preventDefault();
    if (!start.isPending) start.mutate(form);
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    if (!verify.isPending) verify.mutate({ email: form.email, code });
  };

  if (step === "code") {
    const errors = fieldErrorsOf(verify.error, i18n);
    const wait = Math.max(0, Math.ceil((resendAt - now) / 1000));
    return (
      <AuthCard title={t("auth.signUpTitle")} onSubmit={submitCode}>
        <p>{t("auth.codeSent", { email: start.data!.email })}</p>
        <Field
          label={t("auth.code")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
          errors={errors.code}
          autoFocus
        />
        <FormError error={verify.error} />
        <button type="submit" className="button button--primary" disabled={verify.isPending || code.length !== 6}>
          {t("auth.verify")}
        </button>
        <div className="form__actions form__actions--split">
          <button type="button" className="button button--ghost" onClick={() => start.reset()}>
            {t("auth.changeEmail")}
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={wait > 0 || start.isPending}
            onClick={() => start.mutate(form)}
          >
            {wait > 0 ? t("auth.resendIn", { seconds: wait }) : t("auth.resend")}
          </button>
        </div>
      </AuthCard>
    );
  }

  const errors = fieldErrorsOf(start.error, i18n);
  return (
    <AuthCard title={t("auth.signUpTitle")} onSubmit={submitDetails}>
      <ProviderButtons />
      <EmailField
        label={t("auth.email")}
        name="email"
        value={form.email}
        onValue={set("email")}
        errors={errors.email}
        autoFocus
      />
      <PasswordField
        label={t("auth.password")}
        name="password"
        isNew
        hint={t("auth.passwordHint")}
        value={form.password}
        onValue={set("password")}
        errors={errors.password}
      />
      <Field
        label={t("auth.handle")}
        name="handle"
        autoComplete="username"
        hint={t("auth.handleHint")}
        value={form.handle}
        onChange={(e) => set("handle")(e.target.value.toLowerCase())}
        errors={errors.handle}
      />
      <Field
        label={t("auth.displayName")}
        name="displayName"
        autoComplete="name"
        value={form.displayName}
        onChange={(e) => set("displayName")(e.target.value)}
        errors={errors.displayName}
      />
      <FormError error={start.error} />
      <button type="submit" className="button button--primary" disabled={start.isPending}>
        {t("auth.signUp")}
      </button>
      <p className="muted small">
        {t("auth.haveAccount")} <Link to="/signin">{t("auth.signIn")}</Link>
      </p>
    </AuthCard>
  );
}
