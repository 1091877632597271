import { useState, type FormEvent } from "react";
import type { TMe } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../i18n/describe-error";
import { Dialog } from "../../ui/Dialog";
import { Field, PasswordField } from "../../ui/Field";
import { FormError } from "../../ui/FormError";
import { restartApp } from "../auth/use-me";

/** Behind a dialog that asks for the handle and the password (or a recent sign-in). */
export function DeleteAccountSection({ me }: { me: TMe }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [confirmHandle, setConfirmHandle] = useState("");
  const [password, setPassword] = useState("");
  const remove = trpc.auth.deleteAccount.useMutation({ onSuccess: () => restartApp("/") });
  const errors = fieldErrorsOf(remove.error, i18n);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!remove.isPending) remove.mutate({ confirmHandle, ...(me.hasPassword ? { password } : {}) });
  };
  return (
    <section className="choice danger" aria-labelledby="delete-title">
      <h2 id="delete-title" className="section-title">
        {t("settings.deleteTitle")}
      </h2>
      <p className="muted small">{t("settings.deleteIntro")}</p>
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
          {t("settings.deleteOpen")}
        </button>
      </div>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("settings.deleteTitle")}>
        <form className="form" onSubmit={submit} noValidate>
          <p>{t("settings.deleteIntro")}</p>
          <Field
            label={t("settings.deleteHandle", { handle: me.handle })}
            name="confirmHandle"
            autoComplete="off"
            value={confirmHandle}
            onChange={(e) => setConfirmHandle(e.target.value)}
            errors={errors.confirmHandle}
            autoFocus
          />
          {me.hasPassword ? (
            <PasswordField
              label={t("settings.deletePassword")}
              name="password"
              value={password}
              onValue={setPassword}
              errors={errors.password}
            />
          ) : (
            <p className="muted small">{t("settings.deleteFresh")}</p>
          )}
          <FormError error={remove.error} />
          <div className="form__actions">
            <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
              {t("composer.cancel")}
            </button>
            <button
              type="submit"
              className="button button--danger"
              disabled={remove.isPending || confirmHandle.trim().toLowerCase() !== me.handle}
            >
              {t("settings.deleteSubmit")}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
