import { z } from "zod";
import { router, authedProcedure } from "../trpc.js";
import { ZNotificationListInput, ZNotificationPage, ZNotificationRef } from "./notification.schemas.js";

export const notificationRouter = router({
  list: authedProcedure
    .input(ZNotificationListInput)
    .output(ZNotificationPage)
    .query(({ ctx, input }) => ctx.services.notifications.list(ctx.viewer, input)),
  unreadCount: authedProcedure
    .output(z.number().int())
    .query(({ ctx }) => ctx.services.notifications.unreadCount(ctx.viewer)),
  markRead: authedProcedure
    .input(ZNotificationRef)
    .mutation(({ ctx, input }) => ctx.services.notifications.markRead(ctx.viewer, input.id)),
  markAllRead: authedProcedure.mutation(({ ctx }) => ctx.services.notifications.markAllRead(ctx.viewer)),
});
