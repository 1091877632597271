import type { TPostSummary } from "@orgo/api-contract";

export function makePostFor(id: number): TPostSummary {
  return {
    id,
    title: `Post ${id}`,
    body: "b",
    createdAt: new Date(0),
    author: { id: "u", handle: "demo", displayName: "Demo", avatarUrl: null },
  };
}
