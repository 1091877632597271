import { useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { FormError } from "../../ui/FormError";
import { PasswordField } from "../../ui/Field";

export function PasswordSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const utils = trpc.useUtils();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: () => {
      setCurrent("");
      setNew("");
      void utils.auth.sessions.invalidate();
    },
  });
  const errors = fieldErrorsOf(change.error, i18n);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!change.isPending) change.mutate({ currentPassword, newPassword });
  };
  return (
    <form className="choice form" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title" className="section-title">
        {t("settings.password")}
      </h2>
      <PasswordField
        label={t("settings.currentPassword")}
        name="currentPassword"
        value={currentPassword}
        onValue={setCurrent}
        errors={errors.currentPassword}
      />
      <PasswordField
        label={t("settings.newPassword")}
        name="newPassword"
        isNew
        hint={t("auth.passwordHint")}
        value={newPassword}
        onValue={setNew}
        errors={errors.newPassword}
      />
      <FormError error={change.error} />
      {change.isSuccess && (
        <p role="status" className="form__ok">
          {t("settings.passwordChanged")}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {t("settings.save")}
        </button>
      </div>
    </form>
  );
}
