import { AppError, channels, serverMessages as m } from "@orgo/api-contract";
import type { Db } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";

export interface WordVerdict {
  action: "allow" | "refuse" | "hold";
  /** The watched word that matched. */
  pattern: string | null;
}

/** Read again at least this often, in case a change's event was missed. */
const REFRESH_MS = 60_000;

/**
 * The words admins watch for, held by each process and read again when an admin
 * changes them (an event on the bus reaches every process) or a minute has passed.
 * A text is lower-cased and matched by substring, which works for Korean as for
 * English; "refuse" wins over "hold".
 */
export function createWatchedWords({ db, bus }: { db: Db; bus: EventBus }) {
  let rules: { pattern: string; action: string }[] | null = null;
  let readAt = 0;
  let listening: Promise<unknown> | null = null;

  async function current() {
    listening ??= bus
      .subscribe(channels.moderation, (event) => {
        if (event.type === "moderation.words") rules = null;
      })
      .catch(() => (listening = null));
    await listening;
    if (!rules || Date.now() - readAt > REFRESH_MS) {
      rules = await db.wordRule.findMany({ select: { pattern: true, action: true } });
      readAt = Date.now();
    }
    return rules;
  }

  return {
    async verdict(...texts: string[]): Promise<WordVerdict> {
      const list = await current();
      if (list.length === 0) return { action: "allow", pattern: null };
      const text = texts.join("\n").toLowerCase();
      let held: string | null = null;
      for (const rule of list) {
        if (!text.includes(rule.pattern)) continue;
        if (rule.action === "refuse") return { action: "refuse", pattern: rule.pattern };
        held ??= rule.pattern;
      }
      return held ? { action: "hold", pattern: held } : { action: "allow", pattern: null };
    },

    /** Refuses a text with a refused word; answers whether it must be held for review. */
    async screen(...texts: string[]): Promise<WordVerdict> {
      const verdict = await this.verdict(...texts);
      if (verdict.action === "refuse") throw new AppError("VALIDATION", m.textRefused);
      return verdict;
    },

    /** This process's copy is stale (an admin changed the list here). */
    invalidate() {
      rules = null;
    },
  };
}

export type WatchedWords = ReturnType<typeof createWatchedWords>;
