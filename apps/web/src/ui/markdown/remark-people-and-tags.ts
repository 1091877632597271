import { MENTION_PATTERN } from "@orgo/api-contract/constants";

/** The few mdast shapes this plugin touches (a full mdast dependency is not needed for them). */
interface Node {
  type: string;
  value?: string;
  url?: string;
  children?: Node[];
  data?: { hProperties?: Record<string, string> };
}

/** Nodes whose text is never a mention: code, and text already inside a link. */
const opaque = new Set(["code", "inlineCode", "link", "linkReference", "html"]);

function split(text: string): Node[] {
  const parts: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(new RegExp(MENTION_PATTERN.source, "g"))) {
    const start = match.index;
    if (start > last) parts.push({ type: "text", value: text.slice(last, start) });
    const handle = match[1]!.toLowerCase();
    parts.push({
      type: "link",
      url: `/u/${handle}`,
      children: [{ type: "text", value: match[0] }],
      data: { hProperties: { className: "mention" } },
    });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ type: "text", value: text.slice(last) });
  return parts;
}

function walk(node: Node) {
  if (!node.children || opaque.has(node.type)) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === "text" && child.value?.includes("@")) return split(child.value);
    walk(child);
    return [child];
  });
}

/**
 * `@handle` becomes a link to that person's profile, with the pattern the server
 * notifies by (code and existing links are left alone). Whether the person exists
 * is the profile page's to say: a link to an unknown handle shows "not found".
 */
export function remarkMentions() {
  return (tree: Node) => walk(tree);
}
