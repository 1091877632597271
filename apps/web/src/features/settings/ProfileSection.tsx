import { useEffect, useRef, useState, type FormEvent } from "react";
import type { TMe } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { describeError, fieldErrorsOf } from "../../i18n/describe-error";
import { uploadAvatar } from "../../lib/upload";
import { Avatar } from "../../ui/Avatar";
import { Field } from "../../ui/Field";
import { FormError } from "../../ui/FormError";
import "./settings.css";

const ACCEPT = "image/jpeg,image/png,image/webp,image/gif,image/avif";

/** Picture (previewed at once, uploaded with progress), handle, name and bio. */
export function ProfileSection({ me }: { me: TMe }) {
  const i18n = useI18n();
  const { t } = i18n;
  const utils = trpc.useUtils();
  const [form, setForm] = useState({ handle: me.handle, displayName: me.displayName, bio: me.bio });
  const update = trpc.user.updateProfile.useMutation({ onSuccess: (next) => utils.auth.me.setData(undefined, next) });
  const removeAvatar = trpc.user.removeAvatar.useMutation({
    onSuccess: (next) => utils.auth.me.setData(undefined, next),
  });
  const errors = fieldErrorsOf(update.error, i18n);

  const fileInput = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [avatarError, setAvatarError] = useState<unknown>(null);
  const [avatarSaved, setAvatarSaved] = useState(false);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setAvatarError(null);
    setAvatarSaved(false);
    setPreview(URL.createObjectURL(file));
    setProgress(0);
    try {
      const { avatarUrl } = await uploadAvatar(file, setProgress);
      utils.auth.me.setData(undefined, (old) => (old ? { ...old, avatarUrl } : old));
      setAvatarSaved(true);
    } catch (error) {
      setAvatarError(error);
    } finally {
      setPreview(null);
      setProgress(null);
      if (fileInput.current) fileInput.current.value = "";
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!update.isPending) update.mutate(form);
  };
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  return (
    <form className="choice form" id="profile" onSubmit={submit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title" className="section-title">
        {t("settings.profile")}
      </h2>
      <div className="avatar-editor" data-testid="avatar-editor">
        <div className="avatar-editor__picture">
          {preview ? (
            <img className="avatar avatar--image" src={preview} alt="" width={72} height={72} />
          ) : (
            <Avatar user={me} size={72} label={t("settings.avatar")} />
          )}
        </div>
        <div className="avatar-editor__actions">
          <input
            ref={fileInput}
            id="avatar-file"
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
          <label
            htmlFor="avatar-file"
            className="button"
            tabIndex={0}
            onKeyDown={(e) => e.key === "Enter" && fileInput.current?.click()}
          >
            {t("settings.avatarChoose")}
          </label>
          {me.avatarUrl && progress === null && (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => removeAvatar.mutate()}
              disabled={removeAvatar.isPending}
            >
              {t("settings.avatarRemove")}
            </button>
          )}
          {progress !== null ? (
            <div
              className="progress"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(progress * 100)}
            >
              <div className="progress__bar" style={{ width: `${Math.round(progress * 100)}%` }} />
              <span className="small">{t("settings.avatarUploading", { percent: Math.round(progress * 100) })}</span>
            </div>
          ) : avatarError ? (
            <p className="form__error" role="alert">
              {describeError(avatarError, i18n)}
            </p>
          ) : avatarSaved ? (
            <p className="form__ok" role="status">
              {t("settings.avatarSaved")}
            </p>
          ) : (
            <p className="muted small">{t("settings.avatarHint")}</p>
          )}
        </div>
      </div>
      <Field
        label={t("auth.handle")}
        name="handle"
        hint={t("auth.handleHint")}
        value={form.handle}
        onChange={(e) => set("handle")(e.target.value.toLowerCase())}
        errors={errors.handle}
      />
      <Field
        label={t("auth.displayName")}
        name="displayName"
        value={form.displayName}
        onChange={(e) => set("displayName")(e.target.value)}
        errors={errors.displayName}
      />
      <label className="field" htmlFor="field-bio">
        <span>{t("settings.bio")}</span>
        <textarea
          id="field-bio"
          name="bio"
          rows={3}
          maxLength={300}
          value={form.bio}
          onChange={(e) => set("bio")(e.target.value)}
          aria-invalid={Boolean(errors.bio)}
        />
        <span className="muted small">
          {errors.bio ? <span className="field__error">{errors.bio.join(" ")}</span> : `${form.bio.length} / 300`}
        </span>
      </label>
      <FormError error={update.error} />
      {update.isSuccess && (
        <p role="status" className="form__ok">
          {t("settings.profileSaved")}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {t("settings.save")}
        </button>
      </div>
    </form>
  );
}
