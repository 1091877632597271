import { MENTION_PATTERN } from "@orgo/api-contract/constants";

/** The few mdast shapes this plugin touches (a full mdast dependency is not needed for them). */
interface Node {
  type: string;
  value?: string;
  url?: string;
  children?: Node[];
  data?: { hProperties?: Record<string, string> };
}

/** Nodes whose text is never a mention or a tag: code, and text already inside a link. */
const opaque = new Set(["code", "inlineCode", "link", "linkReference", "html"]);

/**
 * `#tag`: a word after "#" with at least one letter ("#rust", "#타입스크립트", "#c-sharp";
 * not "#1", an issue number, nor "# Title", a heading), never inside a word or an
 * entity ("C#", "&#39;").
 */
const TAG_PATTERN = /(?<![\p{L}\p{N}_#&/])#(?=[\p{N}_-]*\p{L})([\p{L}\p{N}_-]{1,50})(?![\p{L}\p{N}_])/u;
const ANY = new RegExp(`${MENTION_PATTERN.source}|${TAG_PATTERN.source}`, "gu");

function linkTo(url: string, text: string, className: string): Node {
  return { type: "link", url, children: [{ type: "text", value: text }], data: { hProperties: { className } } };
}

function split(text: string): Node[] {
  const parts: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(ANY)) {
    const start = match.index;
    if (start > last) parts.push({ type: "text", value: text.slice(last, start) });
    parts.push(
      match[1] !== undefined
        ? linkTo(`/u/${match[1].toLowerCase()}`, match[0], "mention")
        : linkTo(`/search?q=${encodeURIComponent(match[0])}`, match[0], "hashtag"),
    );
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ type: "text", value: text.slice(last) });
  return parts;
}

function walk(node: Node) {
  if (!node.children || opaque.has(node.type)) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === "text" && /[@#]/.test(child.value ?? "")) return split(child.value!);
    walk(child);
    return [child];
  });
}

/**
 * `@handle` becomes a link to that person's profile, with the pattern the server
 * notifies by, and `#tag` a search for it (code and existing links are left alone).
 * Whether the person exists is the profile page's to say: a link to an unknown handle
 * shows "not found".
 */
export function remarkPeopleAndTags() {
  return (tree: Node) => walk(tree);
}
