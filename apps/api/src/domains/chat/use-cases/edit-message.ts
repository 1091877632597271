import type { TChatMessage, TEditMessageInput, TViewer } from "@orgo/api-contract";
import type { ChatDeps } from "../chat-deps.js";
import { changeMessage } from "../change-message.js";
import { tellMentioned } from "../message-mentions.js";
import { previewLater } from "../link-preview/message-preview.js";

/** The sender only; people newly mentioned by the edit are told; a changed first link changes the preview. */
export async function editMessage(deps: ChatDeps, viewer: TViewer, input: TEditMessageInput): Promise<TChatMessage> {
  const message = await changeMessage(deps, viewer, input, async (tx, id) => {
    await tx.chatMessage.update({ where: { id }, data: { body: input.body, editedAt: new Date() } });
  });
  await tellMentioned(deps, viewer, message);
  previewLater(deps, message);
  return message;
}
