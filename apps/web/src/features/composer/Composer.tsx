import { useRef, useState, type DragEvent, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { POST_BODY_MAX, POST_IMAGES_MAX, POST_TITLE_MAX } from "@orgo/api-contract/constants";
import type { TUploadedImage } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { MentionTextarea } from "../mentions/MentionTextarea";
import { trpc } from "../../lib/trpc";
import { fieldErrorsOf, isUnreachable } from "../../i18n/describe-error";
import { showToast } from "../../lib/toast";
import { enqueue } from "../outbox/outbox-store";
import { uploadPostImage } from "../../lib/upload";
import { useUploads } from "../../lib/use-uploads";
import { FormError } from "../../ui/FormError";
import { Markdown } from "../../ui/markdown/Markdown";
import { MarkdownToolbar } from "../../ui/markdown/MarkdownToolbar";
import { Dialog } from "../../ui/Dialog";
import { useUi } from "../../lib/ui-state";
import { FEED_INPUT } from "../feed/use-live-feed";
import { prependPost } from "../feed/feed-cache";
import { useMe } from "../auth/use-me";
import { emptyDraft, useDraft, type Draft } from "./use-draft";
import { ImageTray, type TrayImage } from "./ImageTray";
import { ComposerFiles } from "./ComposerFiles";
import "./composer.css";

/**
 * Writes a new post (kept as a draft in the browser while typed) or edits one:
 * Markdown with a preview, images dropped or picked, uploaded with progress,
 * reordered and removed.
 */
export function Composer() {
  const i18n = useI18n();
  const { t } = i18n;
  const { composerOpen, setComposerOpen, editing } = useUi();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const me = useMe();
  const drafts = useDraft(true);
  const [edited, setEdited] = useState<{ postId: number | null; draft: Draft }>({ postId: null, draft: emptyDraft });
  const uploads = useUploads<TUploadedImage>();
  const [preview, setPreview] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});

  // Editing starts from the post as it is (state adjusted while rendering, when the
  // post to edit changes); a new post starts from the saved draft.
  if (editing && edited.postId !== editing.id) {
    setEdited({
      postId: editing.id,
      draft: { title: editing.title, body: editing.body, images: editing.images, files: editing.files },
    });
  }
  if (!editing && edited.postId !== null) setEdited({ postId: null, draft: emptyDraft });
  const draft = editing ? edited.draft : drafts.draft;
  const setDraft = (change: (d: Draft) => Draft) =>
    editing ? setEdited((e) => ({ ...e, draft: change(e.draft) })) : drafts.setDraft(change);

  const close = () => {
    setComposerOpen(false);
    setPreview(false);
    uploads.clear();
  };
  const done = (postId: number) => {
    close();
    void navigate(`/posts/${postId}`);
  };
  const create = trpc.post.create.useMutation({
    onSuccess: (post) => {
      utils.post.feed.setInfiniteData(FEED_INPUT, (old) => prependPost(old, post));
      drafts.clear();
      done(post.id);
    },
    // No answer from the server: the post waits in the outbox, under the same client
    // id, and goes out when the connection is back.
    onError: (error, input) => {
      if (!isUnreachable(error) || !me.data || !input.clientId) return;
      enqueue(me.data.id, {
        kind: "post",
        input: { ...input, imageIds: input.imageIds ?? [], clientId: input.clientId },
      });
      create.reset();
      drafts.clear();
      close();
      showToast(t("outbox.saved"), {});
    },
  });
  const update = trpc.post.update.useMutation({
    onSuccess: async (post) => {
      await Promise.all([utils.post.byId.invalidate({ id: post.id }), utils.post.feed.invalidate()]);
      done(post.id);
    },
  });
  const save = editing ? update : create;
  const fieldErrors = { ...fieldErrorsOf(save.error, i18n), ...localErrors };

  const edit = (key: "title" | "body") => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setLocalErrors({});
    if (save.error) save.reset();
  };

  const addFiles = (files: FileList | File[]) => {
    const room = POST_IMAGES_MAX - draft.images.length - uploads.items.length;
    for (const file of [...files].slice(0, Math.max(0, room))) {
      uploads.start(file, uploadPostImage, {
        preview: true,
        onDone: (image) => setDraft((d) => ({ ...d, images: [...d.images, image] })),
      });
    }
  };
  const onDrop = (event: DragEvent) => {
    if (!event.dataTransfer.files.length) return;
    event.preventDefault();
    addFiles(event.dataTransfer.files);
  };

  const tray: TrayImage[] = [
    ...draft.images.map((image) => ({ key: image.id, url: image.url, progress: null })),
    ...uploads.items.map((u) => ({
      key: u.key,
      url: u.preview ?? "",
      progress: u.error ? null : u.progress,
      error: u.error ?? undefined,
    })),
  ];
  const move = (key: string, delta: -1 | 1) =>
    setDraft((d) => {
      const images = [...d.images];
      const from = images.findIndex((image) => image.id === key);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= images.length) return d;
      [images[from], images[to]] = [images[to]!, images[from]!];
      return { ...d, images };
    });
  const remove = (key: string) => {
    uploads.drop(key);
    setDraft((d) => ({ ...d, images: d.images.filter((image) => image.id !== key) }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string[]> = {};
    if (!draft.title.trim()) missing.title = [t("composer.titleRequired")];
    if (!draft.body.trim()) missing.body = [t("composer.bodyRequired")];
    setLocalErrors(missing);
    if (Object.keys(missing).length || save.isPending || uploads.pending) return;
    const input = {
      title: draft.title,
      body: draft.body,
      imageIds: draft.images.map((image) => image.id),
      fileIds: draft.files.map((file) => file.id),
    };
    if (editing) update.mutate({ id: editing.id, ...input });
    else create.mutate({ ...input, clientId: crypto.randomUUID() });
  };

  return (
    <Dialog
      open={composerOpen}
      onClose={() => setComposerOpen(false)}
      title={editing ? t("composer.edit") : t("composer.open")}
      className="composer"
    >
      <form onSubmit={submit} className="form" noValidate onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <label className="field">
          <span>{t("composer.title")}</span>
          <input
            name="title"
            value={draft.title}
            maxLength={POST_TITLE_MAX}
            onChange={(e) => edit("title")(e.target.value)}
            aria-invalid={Boolean(fieldErrors.title)}
            autoFocus
          />
          {fieldErrors.title && <span className="field__error">{fieldErrors.title.join(" ")}</span>}
        </label>
        <div className="composer__tabs" role="tablist" aria-label={t("composer.tabs")}>
          <button type="button" role="tab" aria-selected={!preview} onClick={() => setPreview(false)}>
            {t("composer.write")}
          </button>
          <button type="button" role="tab" aria-selected={preview} onClick={() => setPreview(true)}>
            {t("composer.preview")}
          </button>
        </div>
        {preview ? (
          <div className="composer__preview" data-testid="composer-preview">
            {draft.body.trim() ? <Markdown source={draft.body} /> : <p className="muted">{t("composer.nothing")}</p>}
          </div>
        ) : (
          // A div, not a label around it all: the toolbar's buttons must not become
          // part of the field's name.
          <div className="field">
            <label htmlFor="composer-body">{t("composer.body")}</label>
            <MarkdownToolbar target={bodyRef} />
            <MentionTextarea
              id="composer-body"
              ref={bodyRef}
              setValue={edit("body")}
              name="body"
              rows={10}
              value={draft.body}
              maxLength={POST_BODY_MAX}
              onChange={(e) => edit("body")(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
              }}
              onPaste={(e) => {
                if (e.clipboardData.files.length) {
                  e.preventDefault();
                  addFiles(e.clipboardData.files);
                }
              }}
              aria-invalid={Boolean(fieldErrors.body)}
            />
            <span className="muted small">{t("composer.markdownHint")}</span>
            {fieldErrors.body && <span className="field__error">{fieldErrors.body.join(" ")}</span>}
          </div>
        )}
        <ImageTray images={tray} onMove={move} onRemove={remove} />
        <div className="composer__add">
          <label className="button button--ghost" htmlFor="composer-images">
            {t("composer.addImages", { count: draft.images.length, max: POST_IMAGES_MAX })}
          </label>
          <input
            id="composer-images"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
            className="visually-hidden"
            onChange={(e) => {
              if (e.target.files) addFiles(e.target.files);
              e.target.value = "";
            }}
          />
          <span className="muted small">{t("composer.dropHint")}</span>
        </div>
        <ComposerFiles
          files={draft.files}
          onAdd={(file) => setDraft((d) => ({ ...d, files: [...d.files, file] }))}
          onRemove={(id) => setDraft((d) => ({ ...d, files: d.files.filter((file) => file.id !== id) }))}
        />
        <FormError error={save.error} />
        {me.data === null && (
          <p className="form__error" role="alert">
            {t("composer.signInFirst")} <Link to="/signin">{t("auth.signIn")}</Link>
          </p>
        )}
        <div className="form__actions">
          <button type="button" className="button button--ghost" onClick={() => setComposerOpen(false)}>
            {t("composer.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t("composer.submitting") : editing ? t("composer.saveEdit") : t("composer.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
