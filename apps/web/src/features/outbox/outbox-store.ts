import { useSyncExternalStore } from "react";
import type { TCreateCommentInput, TCreatePostInput } from "@orgo/api-contract/schemas";

/**
 * Writes that could not reach the server (no connection, or the server away) wait
 * here, in this browser's storage, until they can: a post or a comment is never
 * lost to a dropped line, and never stored twice. Each carries the client id it was
 * first sent with; the server answers a repeated id with what it stored the first
 * time, so a write whose answer was lost (stored, but we never heard) is safe to send
 * again.
 */
export type OutboxWrite =
  | { kind: "post"; input: TCreatePostInput & { clientId: string } }
  | { kind: "comment"; input: TCreateCommentInput & { clientId: string } };

export type OutboxItem = OutboxWrite & {
  /** Whose write it is: only that person's session sends it. */
  userId: string;
  /** A line to recognise it by: the post's title, the comment's first words. */
  label: string;
  queuedAt: number;
  state: "waiting" | "sending" | "failed";
  /** Why the server refused it (a failed item is not retried by itself). */
  error?: string;
};

const KEY = "orgo.outbox";
let items: readonly OutboxItem[] = read();
const listeners = new Set<() => void>();

function read(): OutboxItem[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    // A write that was being sent when the page went away is waiting again.
    return Array.isArray(stored)
      ? (stored as OutboxItem[]).map((item) => (item.state === "sending" ? { ...item, state: "waiting" } : item))
      : [];
  } catch {
    return [];
  }
}

function write(next: readonly OutboxItem[]) {
  items = next;
  try {
    if (next.length) localStorage.setItem(KEY, JSON.stringify(next));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage full or refused: the outbox still holds the writes for this page's life.
  }
  for (const listener of listeners) listener();
}

export function outboxItems(): readonly OutboxItem[] {
  return items;
}

export function enqueue(userId: string, write_: OutboxWrite): void {
  const label = write_.kind === "post" ? write_.input.title : write_.input.body.replace(/\s+/g, " ").slice(0, 80);
  write([...items, { ...write_, userId, label, queuedAt: Date.now(), state: "waiting" }]);
}

export function updateItem(clientId: string, change: Partial<Pick<OutboxItem, "state" | "error">>): void {
  write(items.map((item) => (item.input.clientId === clientId ? { ...item, ...change } : item)));
}

export function removeItem(clientId: string): void {
  write(items.filter((item) => item.input.clientId !== clientId));
}

// Another tab of this browser changed the outbox.
if (typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY) return;
    items = read();
    for (const listener of listeners) listener();
  });
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The outbox of the signed-in person. */
export function useOutbox(userId: string | undefined): readonly OutboxItem[] {
  const all = useSyncExternalStore(subscribeOutbox, outboxItems);
  return userId ? all.filter((item) => item.userId === userId) : [];
}
