import { describe, expect, it } from "vitest";
import { samplePost } from "@orgo/api-contract/testing";
import { dropPost, prependPost, prependPosts } from "../src/features/feed/feed-cache";

const post = (id: number) => samplePost(id);

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

describe("prependPosts and dropPost", () => {
  const feed = {
    pages: [
      { items: [post(3), post(2)], nextCursor: "2" },
      { items: [post(1)], nextCursor: null },
    ],
    pageParams: [null, "2"],
  };

  it("puts waiting posts at the top newest first, skipping any already shown", () => {
    const next = prependPosts(feed, [post(4), post(6), post(2), post(5)]);
    expect(next!.pages[0]!.items.map((p) => p.id)).toEqual([6, 5, 4, 3, 2]);
  });

  it("takes a deleted post out of whichever page holds it, and leaves others alone", () => {
    expect(dropPost(feed, 1)!.pages.map((page) => page.items.map((p) => p.id))).toEqual([[3, 2], []]);
    expect(dropPost(feed, 9)).toBe(feed);
  });
});
