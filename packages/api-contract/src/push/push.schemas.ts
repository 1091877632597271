import { z } from "zod";
import { serverMessages as m } from "../messages.js";
import { ZDbId } from "../common/common.schemas.js";

import { deliveryLanguages, digestFrequencies, unreadMailDelays } from "./push.constants.js";
export * from "./push.constants.js";

/** What reaches me when OrGo is closed: by mail, and how push reads on a lock screen. */
export const ZDelivery = z.object({
  language: z.enum(deliveryLanguages),
  /** "You have unread messages" after this long with unread chat and no open tab. */
  unreadMail: z.enum(unreadMailDelays),
  /** A summary of what happened while I was away. */
  digest: z.enum(digestFrequencies),
  /** Push says "New message" and no more: nothing private on a lock screen. */
  pushHidesContent: z.boolean(),
  /** False when my account has no verified address: no mail can reach me. */
  mailReachable: z.boolean(),
});
export type TDelivery = z.infer<typeof ZDelivery>;

export const ZSetDeliveryInput = ZDelivery.omit({ mailReachable: true }).partial();
export type TSetDeliveryInput = z.infer<typeof ZSetDeliveryInput>;

/** The key a browser needs to subscribe (VAPID, RFC 8292); null when push is off on this server. */
export const ZPushConfig = z.object({ publicKey: z.string().nullable() });
export type TPushConfig = z.infer<typeof ZPushConfig>;

const base64url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, m.pushKeysInvalid);

/** A browser's PushSubscription, as `subscription.toJSON()` gives it. */
export const ZPushSubscribeInput = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(1000),
  keys: z.object({
    // An uncompressed P-256 point (65 bytes) and a 16-byte secret, base64url.
    p256dh: base64url.min(80).max(100),
    auth: base64url.min(16).max(32),
  }),
});
export type TPushSubscribeInput = z.infer<typeof ZPushSubscribeInput>;

export const ZPushDevice = z.object({
  id: z.number().int(),
  /** The browser that subscribed (the app names it: "Chrome on Linux"). */
  userAgent: z.string(),
  createdAt: z.date(),
  lastPushAt: z.date().nullable(),
  /** The device this list was asked from. */
  current: z.boolean(),
});
export type TPushDevice = z.infer<typeof ZPushDevice>;

export const ZPushDevicesInput = z.object({ endpoint: z.url().max(1000).optional() }).optional();
export const ZPushDeviceRef = z.object({ id: ZDbId });

/** What the service worker shows: the server decides every word (in the person's language). */
export const ZPushPayload = z.object({
  title: z.string(),
  body: z.string(),
  /** Where a click opens, an app path ("/chat/12"). */
  url: z.string().startsWith("/"),
  /** A burst in one room, or one notification growing, replaces its earlier push. */
  tag: z.string(),
  /** Unread notifications + chat, for the app badge. */
  badge: z.number().int().min(0),
});
export type TPushPayload = z.infer<typeof ZPushPayload>;
