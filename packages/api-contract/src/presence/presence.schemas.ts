import { z } from "zod";

/**
 * Online: a tab of theirs is open and shown (or was hidden for less than 5 minutes);
 * away: hidden longer. Hidden: only in a live watch, when a block or an unfollow
 * means I may no longer see this person's presence (nothing more about them follows).
 */
export const ZPresenceState = z.enum(["online", "away", "offline", "hidden"]);
export type TPresenceState = z.infer<typeof ZPresenceState>;

export const ZPresence = z.object({
  userId: z.string(),
  state: ZPresenceState,
  /** When they were last online (null: never seen since presence was kept). */
  lastSeenAt: z.date().nullable(),
});
export type TPresence = z.infer<typeof ZPresence>;

/** Whose presence to show: people I follow or share a room with (others are left out of the answer). */
export const ZPresenceInput = z.object({ userIds: z.array(z.uuid()).max(100) });
export type TPresenceInput = z.infer<typeof ZPresenceInput>;

/** This tab is shown or hidden (sent over the tab's websocket). */
export const ZPresenceReport = z.object({ visible: z.boolean() });
