import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { MemoryRouter } from "react-router";
import MarkdownView from "../src/ui/markdown/MarkdownView";
import { FixedLanguage, loadLanguage } from "../src/i18n/i18n";

/** A post's Markdown as the app renders it: in a language, inside the router (in-app links). */
const render = (source: string) =>
  renderToStaticMarkup(
    createElement(
      MemoryRouter,
      null,
      createElement(FixedLanguage, { language: "en", children: createElement(MarkdownView, { source }) }),
    ),
  );
beforeAll(() => loadLanguage("en"));

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
    const html = render("Thanks @Jiwoo! Mail me@orgo.dev, see `@types/node`, [@sara_k](https://example.com)");
    expect(html).toContain('<a class="mention" href="/u/jiwoo" data-discover="true">@Jiwoo</a>');
    expect(html).not.toContain('href="/u/orgo');
    expect(html).not.toContain('href="/u/types');
    expect(html).not.toContain('href="/u/sara_k');
    // An in-app link is no new tab.
    expect(html).not.toMatch(/href="\/u\/jiwoo"[^>]*target=/);
  });

  it("labels a code block with its language and offers to copy it; a wide table scrolls inside itself", () => {
    const html = render("```sql\nselect 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain('<span class="code-block__language">sql</span>');
    expect(html).toMatch(/<div class="markdown__table"><table>/);
    expect(render("```\nplain\n```")).toContain('<span class="code-block__language">Code</span>');
  });

  it("links #tags to a search for them, but not numbers, headings, C#, entities or code", () => {
    const html = render("Learning #rust and #타입스크립트 today, not #1 or C# or `#x`.\n\n# A heading");
    expect(html).toContain('<a class="hashtag" href="/search?q=%23rust" data-discover="true">#rust</a>');
    expect(html).toContain(`href="/search?q=${encodeURIComponent("#타입스크립트")}"`);
    expect(html.match(/class="hashtag"/g)).toHaveLength(2);
  });
});
