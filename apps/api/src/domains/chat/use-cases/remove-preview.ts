import type { TChatMessage, TMessageRef, TViewer } from "@orgo/api-contract";
import type { ChatDeps } from "../chat-deps.js";
import { changeMessage } from "../change-message.js";

/** The sender only: the preview goes, for good (an edit does not bring it back). Idempotent. */
export function removePreview(deps: ChatDeps, viewer: TViewer, ref: TMessageRef): Promise<TChatMessage> {
  return changeMessage(deps, viewer, ref, async (tx, id) => {
    await tx.chatMessage.update({ where: { id }, data: { previewUrl: null, previewRemoved: true } });
  });
}
