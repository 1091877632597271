import { useEffect } from "react";
import { trpc } from "../../lib/trpc";
import { describeError, isUnreachable } from "../../i18n/describe-error";
import { subscribeConnectionState } from "../../lib/connection-state";
import { useI18n } from "../../i18n/i18n";
import { showToast } from "../../lib/toast";
import { outboxItems, removeItem, updateItem, type OutboxItem } from "./outbox-store";

/** While items wait, how often to try again even if nothing says the line is back. */
const RETRY_EVERY_MS = 30_000;

let flushNow: () => void = () => {};

/** Sends what waits now (the outbox's "Retry now"). */
export function retryOutbox(clientId?: string): void {
  if (clientId) updateItem(clientId, { state: "waiting", error: undefined });
  flushNow();
}

/**
 * Sends the signed-in person's waiting writes, oldest first, when the connection
 * comes back (and at start, for what an earlier visit left): each one removed once
 * the server has it, kept waiting while the server cannot be reached, and marked
 * failed — with the server's reason, never retried by itself — when it is refused.
 */
export function useOutboxRunner(userId: string | undefined): void {
  const utils = trpc.useUtils();
  const i18n = useI18n();
  useEffect(() => {
    if (!userId) return;
    let running = false;
    const send = async (item: OutboxItem) => {
      if (item.kind === "post") {
        await utils.client.post.create.mutate(item.input);
        await utils.post.feed.invalidate();
      } else {
        await utils.client.comment.create.mutate(item.input);
        await Promise.all([utils.comment.list.invalidate({ postId: item.input.postId }), utils.post.invalidate()]);
      }
    };
    const flush = async () => {
      if (running) return;
      running = true;
      try {
        for (const item of outboxItems()) {
          if (item.userId !== userId || item.state !== "waiting") continue;
          updateItem(item.input.clientId, { state: "sending" });
          try {
            await send(item);
            removeItem(item.input.clientId);
            showToast(i18n.t("outbox.sent", { label: item.label }), {});
          } catch (error) {
            if (isUnreachable(error)) {
              updateItem(item.input.clientId, { state: "waiting" });
              break; // still away: the rest waits too
            }
            updateItem(item.input.clientId, { state: "failed", error: describeError(error, i18n) });
            showToast(i18n.t("outbox.refused", { label: item.label }), {});
          }
        }
      } finally {
        running = false;
      }
    };
    const onOnline = () => void flush();
    flushNow = onOnline;
    const stopListening = subscribeConnectionState((state) => {
      if (state === "online") void flush();
    });
    window.addEventListener("online", onOnline);
    const timer = setInterval(() => {
      if (outboxItems().some((item) => item.userId === userId && item.state === "waiting")) void flush();
    }, RETRY_EVERY_MS);
    void flush();
    return () => {
      flushNow = () => {};
      stopListening();
      window.removeEventListener("online", onOnline);
      clearInterval(timer);
    };
  }, [userId, utils, i18n]);
}
