import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Each feature's styles live beside it and load with it (a lazily loaded page brings
 * its own stylesheet). That holds only while a feature's stylesheet draws what that
 * feature renders, and every file that renders its classes loads it: else a class
 * shows unstyled on a page that never loaded the sheet.
 */
const src = path.resolve(import.meta.dirname, "../src");
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
const files = walk(src);
/** What a component's className attributes hold: a string, or an expression in braces. */
function classAttributes(text: string): string {
  const found: string[] = [];
  for (const match of text.matchAll(/className=(["{])/g)) {
    let at = match.index + match[0].length;
    if (match[1] === '"') found.push(text.slice(at, text.indexOf('"', at)));
    else {
      for (let depth = 1; depth > 0 && at < text.length; at++)
        depth += text[at] === "{" ? 1 : text[at] === "}" ? -1 : 0;
      found.push(text.slice(match.index, at));
    }
  }
  return found.join("\n");
}
const classUses = new Map(
  files.filter((file) => file.endsWith(".tsx")).map((file) => [file, classAttributes(readFileSync(file, "utf8"))]),
);
/** The class names a stylesheet's selectors name (not its values: `0.5s`, `url(x.png)`). */
const classesOf = (css: string) =>
  new Set(
    [...css.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/\.([a-zA-Z][\w-]*)(?=[^{}]*\{)/g)].map((match) => match[1]!),
  );
const usersOf = (name: string) => {
  const token = new RegExp(`(?<![\\w/.-])${name}(?![\\w/.-])`);
  return [...classUses].filter(([, text]) => token.test(text)).map(([file]) => file);
};
const featureSheets = files.filter((file) => file.endsWith(".css") && file.includes(`${path.sep}features${path.sep}`));
const featureOf = (file: string) => path.relative(path.join(src, "features"), file).split(path.sep)[0];
/**
 * The shared vocabulary a feature's rules may refine in place (`.comment__actions
 * .button--link`): classes of the primitives' and ui's stylesheets, and states (is-…).
 */
const shared = new Set(
  files
    .filter((file) => file.endsWith(".css") && !file.includes(`${path.sep}features${path.sep}`))
    .flatMap((file) => [...classesOf(readFileSync(file, "utf8"))]),
);
/** A sheet's own classes: not the shared vocabulary, nor those of its feature's other sheets it refers to. */
const ownClasses = (sheet: string) => {
  const siblings = featureSheets
    .filter((other) => other !== sheet && featureOf(other) === featureOf(sheet))
    .flatMap((other) => [...classesOf(readFileSync(other, "utf8"))]);
  return [...classesOf(readFileSync(sheet, "utf8"))].filter(
    (name) => !shared.has(name) && !name.startsWith("is-") && !siblings.includes(name),
  );
};

describe("stylesheets", () => {
  it("are split: tokens and primitives in ui/, each feature's beside it", () => {
    expect(files.some((file) => file === path.join(src, "styles.css"))).toBe(false);
    expect(featureSheets.length).toBeGreaterThan(10);
  });

  for (const sheet of featureSheets) {
    const name = path.relative(src, sheet);
    it(`${name} draws only what its feature renders, and every file that renders it loads it`, () => {
      const outside: string[] = [];
      const notLoading: string[] = [];
      for (const className of ownClasses(sheet)) {
        for (const user of usersOf(className)) {
          if (!user.startsWith(path.join(src, "features", featureOf(sheet)!) + path.sep)) {
            outside.push(`.${className} in ${path.relative(src, user)}`);
          } else if (!readFileSync(user, "utf8").includes(`/${path.basename(sheet)}";`)) {
            notLoading.push(`.${className} in ${path.relative(src, user)}`);
          }
        }
      }
      expect(outside).toEqual([]);
      expect(notLoading).toEqual([]);
    });
  }
});
