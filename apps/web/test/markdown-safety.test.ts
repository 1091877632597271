import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MemoryRouter } from "react-router";
import MarkdownView from "../src/ui/markdown/MarkdownView";

const render = (source: string) => renderToStaticMarkup(createElement(MarkdownView, { source }));

describe("Markdown written by users", () => {
  it("never renders raw HTML, event handlers or script URLs", () => {
    const html = render(
      [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(2)">',
        '<a href="https://evil.example" onclick="alert(3)">click</a>',
        "[link](javascript:alert(4))",
        "![image](javascript:alert(5))",
        '<iframe src="https://evil.example"></iframe>',
      ].join("\n\n"),
    );
    // The HTML is shown as text (escaped); no element, handler or script URL comes through.
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/<script|<iframe|<img src="x"/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/(href|src)="javascript:/i);
  });

  it("keeps what people mean: links that open safely, and highlighted code", () => {
    const html = render("[MDN](https://developer.mozilla.org)\n\n```ts\nconst a: number = 1;\n```");
    expect(html).toContain('href="https://developer.mozilla.org"');
    expect(html).toContain('rel="noopener nofollow ugc"');
    expect(html).toMatch(/<code class="[^"]*language-ts/);
  });

  it("links @handles to the profile, in place, but not in code, links or e-mail addresses", () => {
    const html = renderToStaticMarkup(
      createElement(
        MemoryRouter,
        null,
        createElement(MarkdownView, {
          source: "Thanks @Jiwoo! Mail me@orgo.dev, see `@types/node`, [@sara_k](https://example.com)",
        }),
      ),
    );
    expect(html).toContain('<a class="mention" href="/u/jiwoo" data-discover="true">@Jiwoo</a>');
    expect(html).not.toContain('href="/u/orgo');
    expect(html).not.toContain('href="/u/types');
    expect(html).not.toContain('href="/u/sara_k');
    // An in-app link is no new tab.
    expect(html).not.toMatch(/href="\/u\/jiwoo"[^>]*target=/);
  });
});
