/**
 * A post's Markdown as one line of plain text, for list excerpts: what a reader sees
 * in the post, without the marks (`## … **…** [MDN](https://…)` reads "… … MDN").
 * Code blocks are left out (a list row is no place for code); inline code keeps its
 * text. Deliberately small: the list must not load the Markdown parser.
 */
export function plainExcerpt(markdown: string, maxLength = 160): string {
  const text = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1[^\n]*$|(?![\s\S]))/gm, " ") // fenced code blocks
    .replace(/<[^>\n]+>/g, "") // HTML tags
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "") // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // links: their text
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1") // reference links
    .replace(/`([^`]*)`/g, "$1") // inline code: its text
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+)/gm, "") // headings, quotes, list marks
    .replace(/^\s*([-*_]\s*){3,}$/gm, " ") // rules
    .replace(/^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/gm, " ") // table separators
    .replace(/\|/g, " ")
    .replace(/(^|[^\w*_~])(\*\*|__|~~|\*|_)(?=\S)([\s\S]*?\S)\2(?![\w*_~])/g, "$1$3") // emphasis, not 2*3*4
    .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, "$1") // escapes
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
