import { useI18n } from "../i18n/i18n";
import { describeError, fieldErrorsOf } from "../i18n/describe-error";

/** A form's error when no field took it (field errors show beside their fields). */
export function FormError({ error }: { error: unknown }) {
  const i18n = useI18n();
  if (!error || Object.keys(fieldErrorsOf(error, i18n)).length) return null;
  return (
    <p className="form__error" role="alert">
      {describeError(error, i18n)}
    </p>
  );
}
