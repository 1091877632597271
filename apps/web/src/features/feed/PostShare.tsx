import { Link2, Share2 } from "lucide-react";
import type { TPostSummary } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { appLink, copyLink } from "../../lib/copy-link";

/**
 * Copy link, and Share… where the device has a share sheet (phones, some desktops):
 * the post's address and title, for a chat or a mail outside OrGo.
 */
export function PostShare({ post }: { post: Pick<TPostSummary, "id" | "title"> }) {
  const { t } = useI18n();
  const link = appLink(`/posts/${post.id}`);
  const canShare = typeof navigator.share === "function";
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => copyLink(link, t("content.linkCopied"))}
        data-testid="copy-post-link"
      >
        <Link2 aria-hidden size={16} /> {t("content.copyLink")}
      </button>
      {canShare && (
        <button
          type="button"
          className="button button--ghost"
          // A closed sheet rejects the promise: nothing to say then.
          onClick={() => void navigator.share({ title: post.title, url: link }).catch(() => undefined)}
        >
          <Share2 aria-hidden size={16} /> {t("content.share")}
        </button>
      )}
    </>
  );
}
