import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { FormError } from "../../ui/FormError";
import { EmailField } from "../../ui/Field";
import { AuthCard } from "./AuthCard";

/** Asks for the e-mail; the answer is the same whether or not it has an account. */
export function ForgotPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [email, setEmail] = useState("");
  const request = trpc.auth.requestPasswordReset.useMutation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!request.isPending) request.mutate({ email });
  };
  return (
    <AuthCard title={t("auth.forgotTitle")} onSubmit={submit}>
      {request.isSuccess ? (
        <p role="status" className="form__ok">
          {t("auth.linkSent", { email })}
        </p>
      ) : (
        <>
          <p className="muted">{t("auth.forgotIntro")}</p>
          <EmailField
            label={t("auth.email")}
            name="email"
            value={email}
            onValue={setEmail}
            errors={fieldErrorsOf(request.error, i18n).email}
            autoFocus
          />
          <FormError error={request.error} />
          <button type="submit" className="button button--primary" disabled={request.isPending}>
            {t("auth.sendLink")}
          </button>
        </>
      )}
      <p className="muted small">
        <Link to="/signin">{t("auth.backToSignIn")}</Link>
      </p>
    </AuthCard>
  );
}
