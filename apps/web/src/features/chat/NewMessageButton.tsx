import { useState } from "react";
import { useNavigate } from "react-router";
import { Command } from "cmdk";
import { SquarePen } from "lucide-react";
import { skipToken } from "@tanstack/react-query";
import "./chat-messages";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import { Avatar } from "../../ui/Avatar";
import { PopoverButton } from "../../ui/PopoverButton";
import "./chat.css";

/**
 * "New message": find a person by name or handle (people I follow first, as the "@"
 * list) and start writing to them — our room if we have one, else the start of one
 * (`/chat/new/<handle>`, made with its first message).
 */
export function NewMessageButton() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const people = trpc.user.suggest.useQuery(open ? { q: q.replace(/^@/, "") } : skipToken, {
    placeholderData: (previous) => previous,
  });
  const choose = (handle: string) => {
    setOpen(false);
    setQ("");
    void navigate(`/chat/new/${handle}`);
  };
  return (
    <PopoverButton
      open={open}
      onOpenChange={setOpen}
      label={t("chat.newMessage")}
      face={<SquarePen size={18} aria-hidden />}
      className="button button--ghost small chat-rooms__new"
      testId="new-message"
      align="start"
    >
      {/* The server finds the people (by prefix, followed first): no second filter here. */}
      <Command label={t("chat.newMessage")} shouldFilter={false}>
        <Command.Input className="palette__input" placeholder={t("chat.to")} value={q} onValueChange={setQ} autoFocus />
        <Command.List className="palette__list">
          {people.isFetching && !people.data && <Command.Loading>{t("chat.loading")}</Command.Loading>}
          {people.data?.length === 0 && (
            <Command.Empty className="palette__pending muted">{t("chat.noPeople")}</Command.Empty>
          )}
          {people.data?.map((person) => (
            <Command.Item
              key={person.id}
              value={person.handle}
              onSelect={() => choose(person.handle)}
              className="palette__item"
            >
              <span className="palette__hit">
                <Avatar user={person} size={24} />
                <span>{person.displayName}</span>
              </span>
              <span className="muted small">@{person.handle}</span>
            </Command.Item>
          ))}
        </Command.List>
      </Command>
    </PopoverButton>
  );
}
