import { describe, expect, it } from "vitest";
import { notificationPath } from "../src/notifications/notification-text.js";
import type { TNotification } from "../src/notifications/notification.schemas.js";

const base = {
  type: "comment" as TNotification["type"],
  moderation: null,
  mentoring: null,
  room: null,
  post: null,
  commentId: null,
  study: null,
  actor: { id: "a", handle: "jiwoo", displayName: "김지우", avatarUrl: null },
};

describe("where a notification leads", () => {
  it("opens a post at the comment it is about (the app, a push and the digest share it)", () => {
    expect(notificationPath({ ...base, post: { id: 7, title: "T" }, commentId: 31 })).toBe("/posts/7#comment-31");
    expect(notificationPath({ ...base, type: "like", post: { id: 7, title: "T" } })).toBe("/posts/7");
  });

  it("opens a room, a study or the person otherwise", () => {
    expect(notificationPath({ ...base, type: "mention", room: { id: 3 }, commentId: 9 })).toBe("/chat/3");
    expect(notificationPath({ ...base, type: "study_joined", study: { id: 4, title: "S" } })).toBe("/studies/4");
    expect(notificationPath({ ...base, type: "follow" })).toBe("/u/jiwoo");
  });
});
