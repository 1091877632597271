// The first screen's weight budget, checked on every build: the scripts the first
// screen runs (the entry, the app chunk it starts after the first paint, and everything
// either imports statically, as vite.config.ts's first-screen report lists them), as
// sent gzipped, for an English reader and for a Korean one (who also loads the Korean
// table before the first render). Route chunks, overlays and Markdown come later and
// are not counted.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BUDGET_KB = 150;
const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
const scripts = JSON.parse(readFileSync(path.join(dist, "..", "first-screen.json"), "utf8"));
const korean = readdirSync(path.join(dist, "assets")).find((f) => /^messages-ko-.*\.js$/.test(f));
if (scripts.length === 0 || !korean) {
  console.error("check-budget: the first-screen report names no script, or the Korean table chunk is missing");
  process.exit(1);
}
// The .gz copies are what the API and nginx send (a file too small to get one is
// compressed here).
const gzipped = (file) => {
  const copy = path.join(dist, `${file}.gz`);
  return (existsSync(copy) ? readFileSync(copy) : gzipSync(readFileSync(path.join(dist, file)))).length / 1024;
};
const english = scripts.reduce((sum, file) => sum + gzipped(file), 0);
const withKorean = english + gzipped(`assets/${korean}`);
const line = `first screen ${english.toFixed(1)} KB gzipped (English), ${withKorean.toFixed(1)} KB (Korean); budget ${BUDGET_KB} KB`;
if (Math.max(english, withKorean) > BUDGET_KB) {
  console.error(`check-budget: over budget: ${line} (${scripts.join(", ")})`);
  process.exit(1);
}
console.log(`check-budget: ${line}`);
