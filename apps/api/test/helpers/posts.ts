import type { TPostSummary } from "@orgo/api-contract";

export function makePostFor(id: number): TPostSummary {
  return {
    id,
    title: `Post ${id}`,
    body: "b",
    createdAt: new Date(0),
    updatedAt: new Date(0),
    images: [],
    likeCount: 0,
    commentCount: 0,
    viewCount: 0,
    likedByMe: false,
    author: { id: "u", handle: "demo", displayName: "Demo", avatarUrl: null },
  };
}
