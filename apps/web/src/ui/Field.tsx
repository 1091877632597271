import type { InputHTMLAttributes } from "react";

/** A labelled input with its hint and errors, tied together for screen readers. */
export function Field(
  props: { label: string; hint?: string; errors?: string[] } & InputHTMLAttributes<HTMLInputElement>,
) {
  const { label, hint, errors, id, ...input } = props;
  const fieldId = id ?? `field-${input.name}`;
  return (
    <label className="field" htmlFor={fieldId}>
      <span>{label}</span>
      <input id={fieldId} aria-invalid={Boolean(errors?.length)} aria-describedby={`${fieldId}-help`} {...input} />
      <span id={`${fieldId}-help`}>
        {errors?.length ? (
          <span className="field__error">{errors.join(" ")}</span>
        ) : (
          hint && <span className="muted small">{hint}</span>
        )}
      </span>
    </label>
  );
}
