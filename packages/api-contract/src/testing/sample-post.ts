import type { TPost } from "../posts/post.schemas.js";

/** A post DTO for tests of code that only moves posts around (caches, streams, routers). */
export function samplePost(id: number, author: Record<string, unknown> = {}): TPost {
  return {
    id,
    title: `Post ${id}`,
    excerpt: "body",
    body: "body",
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, id)),
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, id)),
    images: [],
    files: [],
    likeCount: 0,
    commentCount: 0,
    viewCount: 0,
    likedByMe: false,
    author: { id: "u1", handle: "demo", displayName: "Demo", avatarUrl: null, ...author },
  };
}
