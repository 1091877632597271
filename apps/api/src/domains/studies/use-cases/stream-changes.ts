import { AppError, channels, serverMessages as m, type TEventEnvelope, type TStudySignal } from "@orgo/api-contract";
import type { LiveFeed } from "@orgo/api-contract/server";
import { itemPerEvent } from "../../../platform/live/live-stream.js";
import { signalFeed } from "../../../platform/live/signal-feed.js";
import type { StudyDeps } from "../study-deps.js";

// One signal per event, shared by every subscriber (validated and serialised once).
const studyItem = itemPerEvent<TStudySignal>();
const studySignal = (event: TEventEnvelope) =>
  event.type === "study.changed" ? studyItem(event, () => ({ ...event.data })) : null;

/** Changes to every study (id null) or to one (NOT_FOUND when it does not exist), from now on. */
export async function streamChanges(
  { db, bus }: StudyDeps,
  { id }: { id: number | null },
  signal: AbortSignal,
): Promise<LiveFeed<TStudySignal>> {
  if (id === null) return signalFeed(bus, channels.studies, studySignal, signal);
  const study = await db.study.findFirst({ where: { id, deletedAt: null }, select: { id: true } });
  if (!study) throw new AppError("NOT_FOUND", m.noSuchStudy);
  return signalFeed(
    bus,
    channels.studies,
    (event) => {
      const item = studySignal(event);
      return item?.studyId === id ? item : null;
    },
    signal,
  );
}
