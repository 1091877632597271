import { AppError, serverMessages as m } from "@orgo/api-contract";
import { isDatabaseBusy } from "@orgo/db";

/** Sends to one room waiting in this process before more are refused as busy (try again). */
const ROOM_QUEUE_LIMIT = 200;

export type RoomQueue = <T>(roomId: number, work: () => Promise<T>) => Promise<T>;

/**
 * Sends to one room take its row lock one after the other anyway; queueing them in
 * this process, before they take a pooled connection, keeps a busy room from holding
 * the whole pool while it waits on its own lock — other rooms go on at full speed.
 */
export function createRoomQueue(): RoomQueue {
  const queues = new Map<number, { tail: Promise<unknown>; waiting: number }>();
  return async function inRoomOrder<T>(roomId: number, work: () => Promise<T>): Promise<T> {
    let queue = queues.get(roomId);
    if (!queue) queues.set(roomId, (queue = { tail: Promise.resolve(), waiting: 0 }));
    if (queue.waiting >= ROOM_QUEUE_LIMIT) throw new AppError("RATE_LIMITED", m.roomBusy, { retryAfterSeconds: 1 });
    queue.waiting++;
    const run = queue.tail.then(work, work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queue.tail = settled;
    try {
      return await run;
    } catch (error) {
      // No connection or transaction in time: an honest "try again", never a 500.
      if (isDatabaseBusy(error)) throw new AppError("RATE_LIMITED", m.roomBusy, { retryAfterSeconds: 1 });
      throw error;
    } finally {
      const current = queue;
      void settled.then(() => {
        if (--current.waiting === 0 && queues.get(roomId) === current) queues.delete(roomId);
      });
    }
  };
}
