import type { TStudy, TViewer } from "@orgo/api-contract";
import { publishNotifications } from "../notifications/notification.service.js";
import { publishInboxChanged, publishRoomAccessLost } from "../chat/chat-events.js";
import type { Changed, StudyDeps, Tx } from "./study-deps.js";
import { keepRoomJournal, type RoomJournal } from "./study-membership.js";
import { publishStudyChanged } from "./study-events.js";
import { loadStudy } from "./study-rows.js";

/**
 * Runs a change of one study in one transaction; after the commit publishes its
 * notifications, the study's change and who gained or lost its room; answers the
 * study as the viewer now sees it.
 */
export async function changeStudy(
  deps: StudyDeps,
  viewer: TViewer,
  id: number,
  work: (tx: Tx) => Promise<Changed>,
): Promise<TStudy> {
  const { db, bus } = deps;
  const journal: RoomJournal = { roomId: null, joined: [], left: [] };
  const changed = await db.$transaction((tx) => {
    keepRoomJournal(tx, journal);
    return work(tx);
  });
  await publishNotifications(db, bus, changed);
  await publishStudyChanged(bus, id);
  if (journal.roomId !== null) {
    await publishRoomAccessLost(bus, journal.roomId, journal.left);
    await publishInboxChanged(bus, journal.joined, journal.roomId);
  }
  return loadStudy(deps, id, viewer);
}
