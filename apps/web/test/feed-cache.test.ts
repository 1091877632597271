import { describe, expect, it } from "vitest";
import type { TPostSummary } from "@orgo/api-contract/schemas";
import { prependPost } from "../src/features/feed/feed-cache";

const post = (id: number): TPostSummary => ({
  id,
  title: `p${id}`,
  body: "",
  createdAt: new Date(0),
  updatedAt: new Date(0),
  images: [],
  likeCount: 0,
  commentCount: 0,
  viewCount: 0,
  likedByMe: false,
  author: { id: "u", handle: "demo", displayName: "Demo", avatarUrl: null },
});

describe("prependPost", () => {
  const feed = {
    pages: [
      { items: [post(3), post(2)], nextCursor: "2" },
      { items: [post(1)], nextCursor: null },
    ],
    pageParams: [null, "2"],
  };

  it("puts a new post at the top of the first page", () => {
    expect(prependPost(feed, post(4))!.pages[0]!.items.map((p) => p.id)).toEqual([4, 3, 2]);
  });

  it("ignores a post already cached on any page (live event after own write)", () => {
    expect(prependPost(feed, post(1))).toBe(feed);
  });

  it("leaves an unloaded feed alone", () => {
    expect(prependPost(undefined, post(4))).toBeUndefined();
  });
});
