import type { TQueueInput, TQueuePage, TViewer } from "@orgo/api-contract";
import type { ModerationDeps } from "../moderation-deps.js";
import { caseSelect, shapeCases } from "../case-rows.js";

/** Moderators: open (or decided) cases, latest report first, paged by the last case seen. */
export async function queue({ db }: ModerationDeps, _viewer: TViewer, input: TQueueInput): Promise<TQueuePage> {
  const after = input.cursor
    ? await db.moderationCase.findUnique({ where: { id: input.cursor }, select: { id: true, lastReportAt: true } })
    : null;
  const rows = await db.moderationCase.findMany({
    where: {
      status: input.status,
      ...(after
        ? {
            OR: [
              { lastReportAt: { lt: after.lastReportAt } },
              { lastReportAt: after.lastReportAt, id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ lastReportAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: caseSelect,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: await shapeCases(db, page),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
