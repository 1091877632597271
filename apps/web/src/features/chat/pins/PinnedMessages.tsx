import { useState } from "react";
import { Link } from "react-router";
import { PopoverButton } from "../../../ui/PopoverButton";
import { Pin } from "lucide-react";
import { plainExcerpt } from "@orgo/api-contract/constants";
import type { TPinnedMessage } from "@orgo/api-contract/schemas";
import { useI18n } from "../../../i18n/i18n";
import "./pins.css";

/**
 * The room's pinned messages, from the header: each opens the conversation at it (its
 * address, `#message-<seq>`, as a copied link does). Nothing shows while none is pinned.
 */
export function PinnedMessages({ pins }: { pins: TPinnedMessage[] }) {
  const { t, formatDate } = useI18n();
  const [open, setOpen] = useState(false);
  if (pins.length === 0) return null;
  const label = t("chat.pinnedCount", { count: pins.length });
  return (
    <PopoverButton
      open={open}
      onOpenChange={setOpen}
      label={label}
      face={
        <>
          <Pin size={16} aria-hidden /> {pins.length}
        </>
      }
      className="button button--ghost small pins__button"
      testId="pins"
      panelClassName="pins"
      align="end"
    >
      <p className="pins__title">{label}</p>
      <ul className="pins__list">
        {pins.map(({ message, pinnedBy, pinnedAt }) => (
          <li key={message.seq}>
            <Link to={`#message-${message.seq}`} className="pins__item" onClick={() => setOpen(false)}>
              <strong>{message.author?.displayName ?? t("chat.deletedAccount")}</strong>
              <span className="pins__text">{plainExcerpt(message.body, 140) || t("chat.sentPicture")}</span>
              <span className="muted small" title={formatDate(pinnedAt)}>
                {t("chat.pinnedBy", { name: pinnedBy?.displayName ?? t("chat.deletedAccount") })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </PopoverButton>
  );
}
