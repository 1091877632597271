import { router, authedProcedure } from "../trpc.js";
import { neverAborted, parseOnce } from "../live/shared-frames.js";
import { z } from "zod";
import { ZPresence, ZPresenceInput, ZPresenceReport, type TPresence } from "../../presence/presence.schemas.js";

const presentPresence = (presence: TPresence) => parseOnce(ZPresence, presence);

export const presenceRouter = router({
  /** Online, away or offline with "last seen", for people I follow or share a room with. */
  of: authedProcedure
    .input(ZPresenceInput)
    .output(z.array(ZPresence))
    .query(({ ctx, input }) => ctx.services.presence.of(ctx.viewer, input.userIds)),

  /** The same, live: a snapshot first, then every change (a closed or dead process's people go offline). */
  watch: authedProcedure
    .input(ZPresenceInput)
    .subscription(({ ctx, input, signal }) =>
      ctx.services.presence.watch(ctx.viewer, input.userIds, signal ?? neverAborted()).map(presentPresence),
    ),

  /** This tab was shown or hidden; meaningful over the tab's websocket, ignored over HTTP. */
  report: authedProcedure.input(ZPresenceReport).mutation(({ ctx, input }) => {
    ctx.presence?.report(input.visible);
  }),
});
