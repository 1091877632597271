import type { TChatMessage, TMessageRef, TViewer } from "@orgo/api-contract";
import { dropUploads } from "../../posts/post-images.js";
import type { ChatDeps } from "../chat-deps.js";
import { changeMessage } from "../change-message.js";

/** The sender only; a placeholder keeps the message's place, its pictures, files, reactions and pin go. */
export function deleteMessage(deps: ChatDeps, viewer: TViewer, ref: TMessageRef): Promise<TChatMessage> {
  return changeMessage(deps, viewer, ref, async (tx, id) => {
    await tx.chatMessage.update({ where: { id }, data: { body: "", deletedAt: new Date(), previewUrl: null } });
    // Nothing left to react to or to pin: the room's pin count frees up with it.
    await tx.chatReaction.deleteMany({ where: { messageId: id } });
    await tx.chatPin.deleteMany({ where: { messageId: id } });
    const [images, files] = await Promise.all([
      tx.chatMessageImage.findMany({ where: { messageId: id }, select: { uploadId: true } }),
      tx.chatMessageFile.findMany({ where: { messageId: id }, select: { uploadId: true } }),
    ]);
    return dropUploads(
      tx,
      [...images, ...files].map((attached) => attached.uploadId),
    );
  });
}
