import { categoryOf, notificationPath, notificationText } from "@orgo/api-contract";
import { notificationSelect, shapeNotification } from "../notifications/notification-row.js";
import { asLanguage, clip, say, sayNotification } from "../notifications/outside-texts.js";
import { reachFor } from "../notifications/preferences.js";
import { notificationVisibleWhere } from "../visibility/visibility.js";
import type { PushDeps } from "./push-deps.js";
import { badgeOf, queueSends } from "./push-payload.js";

/**
 * A notification stored or grown a moment ago, pushed to its person's devices when it
 * would alert on their desktop (its kind's setting, not paused), they are not looking
 * at OrGo, and it is still unread and theirs to see. Its tag is the notification's, the
 * same the open app's desktop notification uses: a grown one ("Leo and 2 others
 * liked…") replaces its earlier push, and a push and a hidden tab's notice show once.
 */
export async function pushNotification(deps: PushDeps, notificationId: number): Promise<void> {
  const { db } = deps;
  const found = await db.notification.findUnique({ where: { id: notificationId }, select: { recipientId: true } });
  if (!found) return;
  const { recipientId } = found;
  const row = await db.notification.findFirst({
    where: { id: notificationId, recipientId, readAt: null, ...notificationVisibleWhere(recipientId) },
    select: {
      ...notificationSelect,
      recipient: { select: { language: true, pushHidesContent: true, pushDevices: { select: { id: true } } } },
    },
  });
  // Read meanwhile, hidden, or a quiet change (a repeat grouped in): nothing to announce.
  if (!row || row.recipient.pushDevices.length === 0 || row.quietSeq === row.changeSeq) return;
  const { recipient, ...stored } = row;
  const notification = shapeNotification(stored);
  const reach = await reachFor(db, deps.presence, [recipientId], deps.now());
  if (!reach(recipientId, categoryOf(notification.type)).push) return;
  const language = asLanguage(recipient.language);
  // What was said, when a comment said it; else what it is about.
  const detail = notification.excerpt ?? notification.post?.title ?? notification.study?.title ?? "";
  const payload = {
    title: recipient.pushHidesContent
      ? say(language, "app.name")
      : notificationText(notification, sayNotification(language)),
    body: recipient.pushHidesContent ? say(language, "push.newNotification") : clip(detail),
    url: notificationPath(notification),
    tag: `orgo-notification-${notification.id}`,
    badge: await badgeOf(db, recipientId),
  };
  const deviceIds = recipient.pushDevices.map((device) => device.id);
  await db.$transaction((tx) => queueSends(tx, deviceIds, payload, "normal"));
}
