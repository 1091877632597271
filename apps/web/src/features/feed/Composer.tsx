import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { POST_BODY_MAX, POST_TITLE_MAX } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf } from "../../lib/errors";
import { FormError } from "../../ui/FormError";
import { Dialog } from "../../shell/Dialog";
import { useUi } from "../../shell/ui-state";
import { FEED_INPUT } from "./use-live-feed";
import { prependPost } from "./feed-cache";
import { useMe } from "../auth/use-me";

export function Composer() {
  const i18n = useI18n();
  const { t } = i18n;
  const { composerOpen, setComposerOpen } = useUi();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const me = useMe();
  const create = trpc.post.create.useMutation({
    onSuccess: (post) => {
      utils.post.feed.setInfiniteData(FEED_INPUT, (old) => prependPost(old, post));
      setTitle("");
      setBody("");
      setComposerOpen(false);
      void navigate(`/posts/${post.id}`);
    },
  });
  // Checked here first, in the reader's language; the server checks again.
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const fieldErrors = { ...fieldErrorsOf(create.error, i18n), ...localErrors };
  const edit = (setter: (value: string) => void) => (value: string) => {
    setter(value);
    setLocalErrors({});
    if (create.error) create.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string[]> = {};
    if (!title.trim()) missing.title = [t("composer.titleRequired")];
    if (!body.trim()) missing.body = [t("composer.bodyRequired")];
    setLocalErrors(missing);
    if (Object.keys(missing).length === 0 && !create.isPending) create.mutate({ title, body });
  };
  return (
    <Dialog open={composerOpen} onClose={() => setComposerOpen(false)} title={t("composer.open")} className="composer">
      <form onSubmit={submit} className="form" noValidate>
        <label className="field">
          <span>{t("composer.title")}</span>
          <input
            name="title"
            value={title}
            maxLength={POST_TITLE_MAX}
            onChange={(e) => edit(setTitle)(e.target.value)}
            aria-invalid={Boolean(fieldErrors.title)}
            autoFocus
          />
          {fieldErrors.title && <span className="field__error">{fieldErrors.title.join(" ")}</span>}
        </label>
        <label className="field">
          <span>{t("composer.body")}</span>
          <textarea
            name="body"
            rows={8}
            value={body}
            maxLength={POST_BODY_MAX}
            onChange={(e) => edit(setBody)(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
            }}
            aria-invalid={Boolean(fieldErrors.body)}
          />
          {fieldErrors.body && <span className="field__error">{fieldErrors.body.join(" ")}</span>}
        </label>
        <FormError error={create.error} />
        {me.data === null && (
          <p className="form__error" role="alert">
            {t("composer.signInFirst")} <Link to="/signin">{t("auth.signIn")}</Link>
          </p>
        )}
        <div className="form__actions">
          <button type="button" className="button button--ghost" onClick={() => setComposerOpen(false)}>
            {t("composer.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t("composer.submitting") : t("composer.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
