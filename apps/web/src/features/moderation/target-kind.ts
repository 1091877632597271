import type { TTargetRef } from "@orgo/api-contract/schemas";

/**
 * Where a reported target lives in the app, for moderators (null: no page of its own,
 * or none a moderator may open, as a chat message).
 */
export function targetPath(target: Pick<TTargetRef, "kind" | "key" | "label">): string | null {
  switch (target.kind) {
    case "post":
      return `/posts/${target.key}`;
    case "study":
      return `/studies/${target.key}`;
    case "profile":
    case "mentor":
      return target.label.startsWith("@") ? `/u/${target.label.slice(1)}` : null;
    default:
      return null;
  }
}
