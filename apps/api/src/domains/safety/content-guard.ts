import type { TReportTarget, TViewer } from "@orgo/api-contract";
import type { Db, Prisma } from "@orgo/db";
import type { EventBus } from "../../platform/events/event-bus.js";
import type { FileStorage } from "../../platform/storage/file-storage.js";
import type { LimitedAction, Trust } from "./trust.js";
import type { WatchedWords } from "./watched-words.js";
import { refuseRepeatedText } from "./repeated-text.js";
import { fileReport, readTarget } from "./report-cases.js";
import { publishQueueChanged } from "./queue-signal.js";

type Tx = Prisma.TransactionClient;

/**
 * What stops abuse before anyone reports it, in one place for every kind of writing
 * (posts, comments, messages, studies, profiles, mentor pitches): a new account's
 * limits, the watched words, and the same text twice in a day.
 */
export function createContentGuard(deps: {
  db: Db;
  bus: EventBus;
  storage: FileStorage;
  trust: Trust;
  words: WatchedWords;
  now: () => Date;
}) {
  return {
    trust: deps.trust,

    /**
     * Before a write: refuses what the writer may not post yet (their level's count,
     * links, pictures) or a refused word; answers the watched word that holds it for
     * review (null: it goes out).
     */
    async screen(
      viewer: TViewer,
      write: { action?: LimitedAction; texts: string[]; pictures?: boolean },
    ): Promise<{ held: string | null }> {
      const verdict = await deps.words.screen(...write.texts);
      await deps.trust.check(viewer, { action: write.action, text: write.texts.join("\n"), pictures: write.pictures });
      return { held: verdict.action === "hold" ? verdict.pattern : null };
    },

    /** In the writing transaction: the same text by the same person within a day is refused. */
    refuseRepeated(tx: Tx, viewer: TViewer, kind: "post" | "comment" | "message", text: string) {
      return refuseRepeatedText(tx, { userId: viewer.userId, kind, text, at: deps.now() });
    },

    /**
     * In the writing transaction, after a held write is stored (hidden): files it for
     * review, a report by OrGo naming the watched word. Answers the case to announce.
     */
    async fileHeld(tx: Tx, viewer: TViewer, target: TReportTarget, word: string): Promise<number | null> {
      const read = await readTarget({ db: tx, storage: deps.storage }, target, viewer.userId);
      if (!read) return null;
      const filed = await fileReport(tx, {
        target: read,
        reporterId: null,
        reason: "other",
        note: `Held by the watched word "${word}"`,
        at: deps.now(),
      });
      return filed.caseId;
    },

    /** After the commit: moderators' queues show the held write. */
    async announce(caseId: number | null) {
      if (caseId !== null) await publishQueueChanged(deps.bus, caseId);
    },
  };
}

export type ContentGuard = ReturnType<typeof createContentGuard>;
