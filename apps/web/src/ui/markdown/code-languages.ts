import { common } from "lowlight";
import type { LanguageFn } from "highlight.js";

/**
 * The short names people write after ``` for highlight.js's common grammars (its own
 * aliases for them; a unit test checks each against highlight.js).
 */
export const shortNames: Record<string, string> = {
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  ts: "typescript",
  tsx: "typescript",
  mts: "typescript",
  cts: "typescript",
  py: "python",
  gyp: "python",
  sh: "bash",
  zsh: "bash",
  console: "shell",
  shellsession: "shell",
  html: "xml",
  xhtml: "xml",
  svg: "xml",
  yml: "yaml",
  md: "markdown",
  mkdown: "markdown",
  mkd: "markdown",
  "c++": "cpp",
  cc: "cpp",
  hpp: "cpp",
  cxx: "cpp",
  h: "c",
  cs: "csharp",
  "c#": "csharp",
  kt: "kotlin",
  kts: "kotlin",
  rs: "rust",
  golang: "go",
  rb: "ruby",
  pl: "perl",
  pm: "perl",
  objc: "objectivec",
  gql: "graphql",
  toml: "ini",
  vb: "vbnet",
  pycon: "python-repl",
  text: "plaintext",
  txt: "plaintext",
};

const grammars: Record<string, LanguageFn> = common;
const fence = /^ {0,3}(?:`{3,}|~{3,})[ \t]*([^\s`{]+)/gm;

/**
 * The grammars a text's fenced code asks for, to register only those: registering all
 * 37 of highlight.js's common set costs a phone ≈ 100 ms, most of it for languages
 * the text does not use. A name that is neither a grammar nor a short name above gets
 * them all (highlight.js may know it as an alias), so nothing goes unhighlighted.
 */
export function grammarsFor(source: string): Record<string, LanguageFn> {
  const wanted: Record<string, LanguageFn> = {};
  for (const [, written] of source.matchAll(fence)) {
    const name = written!.toLowerCase();
    const grammar = name in grammars ? name : shortNames[name];
    if (!grammar || !grammars[grammar]) return grammars;
    wanted[grammar] = grammars[grammar];
  }
  return wanted;
}

/** The short names above for the grammars given, as rehype-highlight's `aliases` option. */
export function aliasesOf(languages: Record<string, LanguageFn>): Record<string, string[]> {
  const aliases: Record<string, string[]> = {};
  for (const [short, grammar] of Object.entries(shortNames)) {
    if (languages[grammar]) (aliases[grammar] ??= []).push(short);
  }
  return aliases;
}
