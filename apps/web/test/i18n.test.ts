import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { formatMessage, isSimpleMessage } from "@orgo/api-contract/constants";
import { en } from "../src/i18n/messages";
import { ko } from "../src/i18n/messages-ko";
import { enModerationPages, koModerationPages } from "../src/i18n/messages-moderation-pages";
import { koMentoring } from "../src/i18n/messages-mentoring-ko";
import { koModeration } from "../src/i18n/messages-moderation-ko";
import { enDelivery, koDelivery } from "../src/i18n/messages-delivery";
import { enTimeZone, koTimeZone } from "../src/i18n/messages-time-zone";
import { enChat, koChat } from "../src/i18n/messages-chat";
import { enShortcuts, koShortcuts } from "../src/i18n/messages-shortcuts";
import { enStudies, koStudies } from "../src/i18n/messages-studies";
import { enWeeklySlots, koWeeklySlots } from "../src/i18n/messages-weekly-slots";
import { serverMessagesKo } from "../src/i18n/server-messages";
import { detectLanguage } from "../src/lib/detect-language";

describe("language", () => {
  it("is Korean when the browser prefers Korean, English otherwise", () => {
    expect(detectLanguage(["ko-KR", "en-US"])).toBe("ko");
    expect(detectLanguage(["en-GB", "ko"])).toBe("en");
    expect(detectLanguage(["fr-FR", "ko"])).toBe("ko");
    expect(detectLanguage(["fr-FR"])).toBe("en");
    expect(detectLanguage([])).toBe("en");
  });

  it("writes Korean as Korean readers expect: 수정 for Edit, 아이디 for a handle, particles on the Latin word", () => {
    const tables: Record<string, string>[] = [
      ko,
      koModerationPages,
      koMentoring,
      koModeration,
      koDelivery,
      koTimeZone,
      koChat,
      koShortcuts,
      koStudies,
      koWeeklySlots,
      serverMessagesKo,
    ];
    for (const table of tables) {
      for (const [key, text] of Object.entries(table)) {
        expect(text, key).not.toMatch(/핸들|고치기/);
        // "Enter로", "j / k로", "{handle}을(를)": a particle is never set apart from its word.
        expect(text, key).not.toMatch(
          /[A-Za-z0-9_}\])] (로|으로|을|를|을\(를\)|이|가|은|는|에게|에서|와|과)(?=[\s,.…]|$)/,
        );
      }
    }
  });
});

/** Each English table with its Korean twin: the first screen's, and each lazy section's. */
const pairs: [Record<string, string>, Record<string, string>][] = [
  [en, ko],
  [enModerationPages, koModerationPages],
  [enDelivery, koDelivery],
  [enTimeZone, koTimeZone],
  [enChat, koChat],
  [enShortcuts, koShortcuts],
  [enStudies, koStudies],
  [enWeeklySlots, koWeeklySlots],
];
const every = pairs.flatMap(([english, korean]) => [
  ...Object.entries(english).map(([key, text]) => ({ language: "en", key, text })),
  ...Object.entries(korean).map(([key, text]) => ({ language: "ko", key, text })),
]);

/** The names a message's arguments use, plural branches included. */
function argumentNames(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type !== TYPE.literal && "value" in element && typeof element.value === "string")
      names.add(element.value);
    if ("options" in element) for (const option of Object.values(element.options)) argumentNames(option.value, names);
  }
  return names;
}
const parsed = (text: string) => parse(text, { ignoreTag: true });
/** Every argument set to 1: the value that shows a missing plural ("1 likes"). */
const ones = (text: string) => Object.fromEntries([...argumentNames(parsed(text))].map((name) => [name, 1]));

describe("messages (ICU MessageFormat)", () => {
  it("are complete in both languages and use the same arguments, lazy tables included", () => {
    for (const [english, korean] of pairs) {
      expect(Object.keys(korean).sort()).toEqual(Object.keys(english).sort());
      for (const key of Object.keys(english)) {
        expect((korean[key] ?? "").trim(), key).not.toBe("");
        expect([...argumentNames(parsed(korean[key]!))].sort(), key).toEqual(
          [...argumentNames(parsed(english[key]!))].sort(),
        );
      }
    }
  });

  it("never put a bare number before an English plural: counts go through a plural rule", () => {
    // "1 likes", "and 1 others", "Last 1 days": each is a count without {n, plural, …}.
    const bare = /\b1 (?!(?:is|was|has|of|starts)\b)[a-z]+s\b/;
    const wrong = Object.entries({
      ...en,
      ...enModerationPages,
      ...enDelivery,
      ...enTimeZone,
      ...enChat,
      ...enShortcuts,
    })
      .map(([key, text]) => [key, formatMessage(text, "en", ones(text))])
      .filter(([, text]) => bare.test(text!));
    expect(wrong).toEqual([]);
  });

  it("say one and many as each language does", () => {
    const say = (language: "en" | "ko", key: keyof typeof en, values: Record<string, number | string>) =>
      formatMessage((language === "en" ? en : ko)[key], language, values);
    const liked = { name: "Leo" };
    expect(say("en", "notifications.likeMany", { ...liked, others: 1 })).toBe("Leo and 1 other liked your post");
    expect(say("en", "notifications.likeMany", { ...liked, others: 2 })).toBe("Leo and 2 others liked your post");
    expect(say("ko", "notifications.likeMany", { ...liked, others: 1 })).toBe("Leo님 외 1명이 내 글을 좋아해요");
    expect(say("en", "onboarding.counts", { followers: 1, posts: 0 })).toBe("1 follower · 0 posts");
    expect(say("en", "onboarding.counts", { followers: 1200, posts: 1 })).toBe("1,200 followers · 1 post");
    expect(say("ko", "onboarding.counts", { followers: 1, posts: 3 })).toBe("팔로워 1명 · 글 3개");
    expect(say("en", "post.likeCount", { count: 1 })).toBe("1 like");
    expect(say("en", "post.commentCount", { count: 0 })).toBe("0 comments");
  });

  it("format as the library does, whether the build sent the text or its parsed form", () => {
    for (const { language, key, text } of every) {
      const values = ones(text);
      const library = new IntlMessageFormat(text, language, undefined, { ignoreTag: true }).format(values);
      expect(formatMessage(text, language, values), key).toBe(library);
      // The build's form (icu-precompile.ts): plain text stays text, the rest is parsed.
      const built = isSimpleMessage(text) ? text : parsed(text);
      expect(formatMessage(built, language, values), key).toBe(library);
    }
  });

  it("show a value the caller forgot as its {name}, and never throw", () => {
    expect(formatMessage("{name} liked your post", "en", {})).toBe("{name} liked your post");
    expect(formatMessage("{count, plural, one {# like} other {# likes}}", "en", {})).toBeTypeOf("string");
  });
});
