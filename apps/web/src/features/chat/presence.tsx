import { useEffect, useState } from "react";
import { skipToken } from "@tanstack/react-query";
import type { TPresence } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { trpc } from "../../lib/trpc";
import "./chat.css";

/** Presence of these people, live (a snapshot, then each change). */
export function usePresence(userIds: string[]): ReadonlyMap<string, TPresence> {
  const [byId, setById] = useState<ReadonlyMap<string, TPresence>>(new Map());
  const key = [...new Set(userIds)].sort();
  trpc.presence.watch.useSubscription(key.length ? { userIds: key } : skipToken, {
    onData: (presence) =>
      setById((old) => {
        const next = new Map(old);
        // A block or unfollow: this person's presence is no longer mine to see.
        if (presence.state === "hidden") next.delete(presence.userId);
        else next.set(presence.userId, presence);
        return next;
      }),
  });
  return byId;
}

/** Tells the server whether this tab is shown (over this tab's websocket): hidden 5 minutes is "away". */
export function useReportVisibility(enabled: boolean) {
  const { mutate } = trpc.presence.report.useMutation();
  useEffect(() => {
    if (!enabled) return;
    const send = () => mutate({ visible: document.visibilityState === "visible" });
    document.addEventListener("visibilitychange", send);
    return () => document.removeEventListener("visibilitychange", send);
  }, [enabled, mutate]);
}

/** A dot: green online, amber away, grey offline with "last seen" on hover. */
export function PresenceDot({ presence }: { presence: TPresence | undefined }) {
  const { t, formatDate } = useI18n();
  if (!presence || presence.state === "hidden") return null;
  const label =
    presence.state === "offline"
      ? presence.lastSeenAt
        ? t("presence.lastSeen", { time: formatDate(presence.lastSeenAt) })
        : t("presence.offline")
      : t(`presence.${presence.state}`);
  return (
    <span
      className={`presence presence--${presence.state}`}
      role="img"
      aria-label={label}
      title={label}
      data-testid="presence"
      data-state={presence.state}
    />
  );
}
