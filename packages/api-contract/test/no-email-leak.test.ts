import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../src/server/router.js";
import {
  ZInboxEvent,
  ZMe,
  ZNotificationEvent,
  ZPostChange,
  ZPostDeleted,
  ZPostSummary,
  ZPresence,
  ZProfileSignal,
  ZPublicUser,
  ZQueueSignal,
  ZRoomEvent,
  ZStudySignal,
} from "../src/schemas.js";

type Schema = z.core.$ZodType;

/** Every object schema reachable from `schema`, with the path that reaches it. */
function objectsIn(schema: Schema, at: string, seen = new Set<Schema>()): { at: string; schema: z.ZodObject }[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const walk = (inner: unknown, where: string) => objectsIn(inner as Schema, where, seen);
  switch (def.type) {
    case "object": {
      const shape = (schema as z.ZodObject).shape as Record<string, Schema>;
      return [
        { at, schema: schema as z.ZodObject },
        ...Object.entries(shape).flatMap(([key, value]) => walk(value, `${at}.${key}`)),
      ];
    }
    case "array":
      return walk(def.element, `${at}[]`);
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
    case "catch":
    case "nonoptional":
      return walk(def.innerType, at);
    case "pipe":
      return [...walk(def.in, at), ...walk(def.out, at)];
    case "union":
      return (def.options as Schema[]).flatMap((option, i) => walk(option, `${at}|${i}`));
    case "intersection":
      return [...walk(def.left, at), ...walk(def.right, at)];
    case "record":
      return walk(def.valueType, `${at}{}`);
    case "lazy":
      return walk((def.getter as () => Schema)(), at);
    default:
      return [];
  }
}

/** Subscriptions declare no .output(): each one's item schema, as its resolver parses it. */
const subscriptionItems: Record<string, Schema> = {
  "post.onCreated": ZPostSummary,
  "post.onDeleted": ZPostDeleted,
  "post.onChange": ZPostChange,
  "study.onChange": ZStudySignal,
  "user.onChange": ZProfileSignal,
  "chat.onRoom": ZRoomEvent,
  "chat.onInbox": ZInboxEvent,
  "notification.onChange": ZNotificationEvent,
  "presence.watch": ZPresence,
  "moderation.onQueue": ZQueueSignal,
};

/** The only procedures that answer with the caller's own account (ZMe, e-mail included). */
const ownAccount = new Set([
  "auth.me",
  "auth.signUpVerify",
  "auth.signIn",
  "auth.resetPassword",
  "user.updateProfile",
  "user.removeAvatar",
]);

function leaks(path: string, output: Schema): string[] {
  return objectsIn(output, path)
    .filter(({ schema }) => "handle" in schema.shape && "email" in schema.shape)
    .filter(({ schema }) => !(schema === ZMe && ownAccount.has(path)))
    .map(({ at }) => at);
}

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string; output?: Schema } } | undefined
>;

describe("no public user shape carries an e-mail", () => {
  it("walks the output schema of every procedure", () => {
    const found: string[] = [];
    let walked = 0;
    for (const [path, procedure] of Object.entries(procedures)) {
      const def = procedure!._def;
      const output = def.type === "subscription" ? subscriptionItems[path] : def.output;
      if (def.type === "subscription") expect(output, `${path} needs its item schema listed here`).toBeDefined();
      if (!output) continue;
      walked++;
      found.push(...leaks(path, output));
    }
    expect(walked).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });

  it("would notice an e-mail added to a public user shape", () => {
    const leaky = z.object({ items: z.array(z.object({ author: ZPublicUser.extend({ email: z.string() }) })) });
    expect(leaks("post.latest", leaky)).toEqual(["post.latest.items[].author"]);
    expect(leaks("post.latest", z.object({ viewer: ZMe }))).toEqual(["post.latest.viewer"]);
  });
});
