import { z } from "zod";
import { router, authedProcedure } from "../trpc.js";
import { neverAborted, presentLiveItem } from "../live/shared-frames.js";
import {
  ZNotificationEvent,
  ZNotificationListInput,
  ZNotificationPage,
  ZNotificationRef,
  ZNotificationPreferences,
  ZOnNotificationsInput,
  ZPauseNotificationsInput,
  ZSetNotificationPreferenceInput,
} from "../../notifications/notification.schemas.js";
import { ZDelivery, ZSetDeliveryInput } from "../../push/push.schemas.js";

// Validated once per event, whatever the number of my tabs; only changes are tracked.
const presentNotificationItem = presentLiveItem(ZNotificationEvent);

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

  /** How each kind of notification reaches me (in the app, on the desktop), and any pause. */
  preferences: authedProcedure
    .output(ZNotificationPreferences)
    .query(({ ctx }) => ctx.services.notifications.preferences(ctx.viewer)),
  setPreference: authedProcedure
    .input(ZSetNotificationPreferenceInput)
    .output(ZNotificationPreferences)
    .mutation(({ ctx, input }) => ctx.services.notifications.setPreference(ctx.viewer, input)),
  /** "Pause all" until a time (at most 7 days ahead), or resume with null. Nothing is lost meanwhile. */
  pause: authedProcedure
    .input(ZPauseNotificationsInput)
    .output(ZNotificationPreferences)
    .mutation(({ ctx, input }) => ctx.services.notifications.pause(ctx.viewer, input.until)),

  /** What reaches me when OrGo is closed: unread-chat mail, the digest, lock-screen privacy, language. */
  delivery: authedProcedure.output(ZDelivery).query(({ ctx }) => ctx.services.notifications.delivery(ctx.viewer)),
  setDelivery: authedProcedure
    .input(ZSetDeliveryInput)
    .output(ZDelivery)
    .mutation(({ ctx, input }) => ctx.services.notifications.setDelivery(ctx.viewer, input)),

  /**
   * My notifications, live (only mine: there is no input that names a person). After
   * a reconnect with `lastEventId`, every change since, once and in order, then live
   * ones; reads from my other tabs as they happen.
   */
  onChange: authedProcedure.input(ZOnNotificationsInput).subscription(({ ctx, input, signal }) => {
    const after = input?.lastEventId ? Number(input.lastEventId) : null;
    return ctx.services.notifications.stream(ctx.viewer, after, signal ?? neverAborted()).map(presentNotificationItem);
  }),
});
