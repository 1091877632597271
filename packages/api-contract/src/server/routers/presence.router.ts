import { router, authedProcedure } from "../trpc.js";
import { parseOnce } from "../live/shared-frames.js";
import { z } from "zod";
import { ZPresence, ZPresenceInput, ZPresenceReport } from "../../presence/presence.schemas.js";

export const presenceRouter = router({
  /** Online, away or offline with "last seen", for people I follow or share a room with. */
  of: authedProcedure
    .input(ZPresenceInput)
    .output(z.array(ZPresence))
    .query(({ ctx, input }) => ctx.services.presence.of(ctx.viewer, input.userIds)),

  /** The same, live: a snapshot first, then every change (a closed or dead process's people go offline). */
  watch: authedProcedure.input(ZPresenceInput).subscription(async function* ({ ctx, input, signal }) {
    for await (const presence of ctx.services.presence.watch(
      ctx.viewer,
      input.userIds,
      signal ?? new AbortController().signal,
    )) {
      yield parseOnce(ZPresence, presence);
    }
  }),

  /** This tab was shown or hidden; meaningful over the tab's websocket, ignored over HTTP. */
  report: authedProcedure.input(ZPresenceReport).mutation(({ ctx, input }) => {
    ctx.presence?.report(input.visible);
  }),
});
