import { describe, expect, it } from "vitest";
import { notificationSentencesEn, notificationText } from "@orgo/api-contract";
import { say, sayNotification } from "../../src/domains/notifications/outside-texts.js";

/** What push and mail say, in both languages, with the language's own plural rule. */
describe("texts outside the app", () => {
  it("picks English's one or other by count, and fills every placeholder", () => {
    expect(say("en", "mail.unread.subject", { count: 1 })).toBe("1 unread message on OrGo");
    expect(say("en", "mail.unread.subject", { count: 3 })).toBe("3 unread messages on OrGo");
    expect(say("ko", "mail.unread.subject", { count: 1 })).toBe("오르고에 읽지 않은 메시지 1개");
    expect(say("ko", "push.messages", { count: 4 })).toBe("새 메시지 4개");
    expect(say("en", "mail.digest.likes", { count: 1 })).toBe("1 like");
    expect(say("en", "unsubscribe.done", { handle: "@leo", what: "digests" })).not.toMatch(/[{}]/);
  });

  it("tells a notification the way the app does, grouped kinds included", () => {
    const actor = { id: "u", handle: "leo", displayName: "Leo", avatarUrl: null };
    const like = { type: "like" as const, count: 3, actor, moderation: null };
    expect(notificationText(like, sayNotification("en"))).toBe("Leo and 2 others liked your post");
    expect(notificationText({ ...like, count: 1 }, sayNotification("ko"))).toBe("Leo님이 내 글을 좋아해요");
    // Every "…Many" sentence belongs to a kind notificationText groups, and back.
    const grouped = Object.keys(notificationSentencesEn)
      .filter((key) => key.endsWith("Many"))
      .map((key) => key.slice("notifications.".length, -"Many".length));
    for (const type of grouped) {
      expect(notificationText({ ...like, type: type as "like", count: 2 }, sayNotification("en"))).toContain(
        "and 1 other ", // not "1 others"
      );
    }
  });
});
