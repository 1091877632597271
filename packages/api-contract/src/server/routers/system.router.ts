import { router, publicProcedure } from "../trpc.js";
import { ZClientErrorReceipt, ZClientErrorReport } from "../../system/system.schemas.js";

export const systemRouter = router({
  /**
   * The web client reports an uncaught error or a failed render: logged with its
   * release and route, at most a few a minute per address (more answer 429).
   */
  reportClientError: publicProcedure
    .input(ZClientErrorReport)
    .output(ZClientErrorReceipt)
    .mutation(({ ctx, input }) =>
      ctx.services.system.reportClientError(input, {
        device: ctx.device,
        requestId: ctx.requestId,
        viewer: ctx.viewer,
      }),
    ),
});
