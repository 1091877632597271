import type { ReactNode } from "react";
import type { TLikeState } from "@orgo/api-contract/schemas";
import { useI18n } from "../i18n/i18n";
import { describeError } from "../i18n/describe-error";

/**
 * The one like button (posts and comments): a pressed toggle with ♥ or ♡, and the
 * server's refusal beside it. What it shows comes from `useLikeToggle`.
 */
export function LikeToggle({
  state,
  onToggle,
  error,
  signedIn,
  signInHint,
  className,
  label,
  testId,
  children,
}: {
  state: TLikeState;
  onToggle: () => void;
  error: unknown;
  signedIn: boolean;
  /** Said on hover when nobody is signed in (the button is disabled). */
  signInHint: string;
  className: string;
  /** The accessible name when the visible text is not enough (a bare count). */
  label?: string;
  testId: string;
  /** The count as shown after the heart. */
  children: ReactNode;
}) {
  const i18n = useI18n();
  return (
    <>
      <button
        type="button"
        className={`${className}${state.liked ? " is-on" : ""}`}
        aria-pressed={state.liked}
        aria-label={label}
        title={signedIn ? undefined : signInHint}
        disabled={!signedIn}
        onClick={onToggle}
        data-testid={testId}
      >
        <span aria-hidden>{state.liked ? "♥" : "♡"}</span>
        {children}
      </button>
      {error !== null && (
        <span className="form__error small" role="alert">
          {describeError(error, i18n)}
        </span>
      )}
    </>
  );
}
