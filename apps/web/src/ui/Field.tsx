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

type PresetProps = {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  errors?: string[];
  autoFocus?: boolean;
};

/** An e-mail input with the browser's autofill hint. */
export function EmailField({ onValue, ...props }: PresetProps) {
  return <Field type="email" autoComplete="email" onChange={(e) => onValue(e.target.value)} {...props} />;
}

/** A password input: `isNew` asks password managers to suggest one and shows the rule. */
export function PasswordField({ onValue, isNew, hint, ...props }: PresetProps & { isNew?: boolean; hint?: string }) {
  return (
    <Field
      type="password"
      autoComplete={isNew ? "new-password" : "current-password"}
      hint={isNew ? hint : undefined}
      onChange={(e) => onValue(e.target.value)}
      {...props}
    />
  );
}
