import { describe, expect, it } from "vitest";
import { firstLinkOf } from "../src/common/markdown-prose.js";

describe("firstLinkOf (the link a message's preview shows)", () => {
  it("finds the first http(s) link of the prose, without sentence punctuation or #fragment", () => {
    expect(firstLinkOf("Read https://example.com/a/b?x=1#part. Then http://other.dev")).toBe(
      "https://example.com/a/b?x=1",
    );
    expect(firstLinkOf("[docs](https://example.com/docs) and more")).toBe("https://example.com/docs");
    expect(firstLinkOf("<https://example.com/>")).toBe("https://example.com/");
    expect(firstLinkOf("at http://[::1]:8080/x, see")).toBe("http://[::1]:8080/x");
    expect(firstLinkOf("HTTPS://EXAMPLE.com/Path")).toBe("https://example.com/Path");
  });

  it("ignores links in code, other schemes, and text that is no URL", () => {
    expect(firstLinkOf("`curl https://example.com` and\n```\nhttps://inside.block\n```\n")).toBeNull();
    expect(firstLinkOf("ftp://example.com file:///etc/passwd javascript:alert(1)")).toBeNull();
    expect(firstLinkOf("https:// nothing")).toBeNull();
    expect(firstLinkOf("no links here")).toBeNull();
  });
});
