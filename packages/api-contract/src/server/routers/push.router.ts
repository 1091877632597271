import { z } from "zod";
import { router, authedProcedure, publicProcedure } from "../trpc.js";
import {
  ZPushConfig,
  ZPushDevice,
  ZPushDeviceRef,
  ZPushDevicesInput,
  ZPushSubscribeInput,
} from "../../push/push.schemas.js";

export const pushRouter = router({
  /** The server's public VAPID key, for `pushManager.subscribe` (null: push is off here). */
  config: publicProcedure.output(ZPushConfig).query(({ ctx }) => ctx.services.push.config()),
  /** This browser receives push for me from now on (a browser another account had moves to me). */
  subscribe: authedProcedure
    .input(ZPushSubscribeInput)
    .output(ZPushDevice)
    .mutation(({ ctx, input }) => ctx.services.push.subscribe(ctx.viewer, input, ctx.device)),
  /** My devices that receive push; `endpoint` marks the asking browser's own. */
  devices: authedProcedure
    .input(ZPushDevicesInput)
    .output(z.array(ZPushDevice))
    .query(({ ctx, input }) => ctx.services.push.devices(ctx.viewer, input?.endpoint)),
  /** No more push to this device of mine. */
  unsubscribe: authedProcedure
    .input(ZPushDeviceRef)
    .mutation(({ ctx, input }) => ctx.services.push.remove(ctx.viewer, input.id)),
});
