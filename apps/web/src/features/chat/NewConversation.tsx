import { useRef } from "react";
import "./chat-messages";
import { Link, Navigate, useNavigate } from "react-router";
import type { TSharedFile, TUploadedImage } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { describeError } from "../../i18n/describe-error";
import { trpc } from "../../lib/trpc";
import { useHandleParam } from "../../lib/route-params";
import { Avatar } from "../../ui/Avatar";
import { ChatComposer, newConversationDraftKey } from "./ChatComposer";
import "./chat.css";

/**
 * A conversation before it exists (`/chat/new/<handle>`, where "Message" leads): who
 * it will be with and the box to write in. Nothing is made until the first message
 * is sent — then the room opens (they are told), the message goes in, and this view
 * becomes the room. Looking and leaving leaves no empty conversation in either list.
 * Someone I already talk with is taken to our room instead.
 */
export function NewConversation() {
  const i18n = useI18n();
  const { t } = i18n;
  const handle = useHandleParam("handle");
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const profile = trpc.user.profile.useQuery({ handle });
  const inbox = trpc.chat.inbox.useQuery();
  const open = trpc.chat.openDirect.useMutation();
  const send = trpc.chat.send.useMutation();
  // One id per text however often Send is pressed: a retry after a lost answer is the
  // same message, never a second one; a changed text is a new message.
  const attempt = useRef({ body: "", clientId: "" });

  if (profile.isError) {
    return (
      <div className="placeholder" role="alert">
        <p>{describeError(profile.error, i18n)}</p>
      </div>
    );
  }
  const person = profile.data;
  if (!person || !inbox.data) return <p className="placeholder">{t("chat.loading")}</p>;
  const existing = inbox.data.rooms.find((room) => room.peer?.id === person.id);
  if (existing) return <Navigate to={`/chat/${existing.id}`} replace />;

  const start = async (body: string, images: TUploadedImage[], files: TSharedFile[]) => {
    if (attempt.current.body !== body || !attempt.current.clientId) {
      attempt.current = { body, clientId: crypto.randomUUID() };
    }
    const room = await open.mutateAsync({ userId: person.id });
    await send.mutateAsync({
      roomId: room.id,
      clientId: attempt.current.clientId,
      body,
      imageIds: images.map((image) => image.id),
      fileIds: files.map((file) => file.id),
    });
    await utils.chat.inbox.invalidate();
    void navigate(`/chat/${room.id}`, { replace: true });
  };
  const error = open.error ?? send.error;

  return (
    <section className="chat" aria-label={person.displayName} data-testid="new-conversation">
      <header className="chat__header">
        <Avatar user={person} size={32} />
        <div>
          <h2>{person.displayName}</h2>
          <p className="muted small">
            <Link to={`/u/${person.handle}`}>@{person.handle}</Link>
          </p>
        </div>
      </header>
      <div className="chat__scroller">
        <p className="placeholder muted">{t("chat.newConversation", { name: person.displayName })}</p>
      </div>
      {error && (
        <p className="field__error chat__error" role="alert">
          {describeError(error, i18n)}
        </p>
      )}
      <ChatComposer
        draftKey={newConversationDraftKey(person.id)}
        first
        lastMine={undefined}
        editing={null}
        onEditStart={() => undefined}
        onEditEnd={() => undefined}
        onSend={start}
        onSave={() => Promise.resolve()}
        onTyping={() => undefined}
      />
    </section>
  );
}
