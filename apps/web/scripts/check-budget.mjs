// The first screen's weight budget, checked on every build: the scripts the first
// screen runs (the entry, the app chunk it starts after the first paint, everything
// either imports statically, and the reader's language table, loaded before the first
// render; vite.config.ts's first-screen report lists them), as sent gzipped, for an
// English reader and for a Korean one. Route chunks, overlays and Markdown come later
// and are not counted.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BUDGET_KB = 150;
const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
const report = JSON.parse(readFileSync(path.join(dist, "..", "first-screen.json"), "utf8"));
if (report.shared.length === 0 || report.en.length === 0 || report.ko.length === 0) {
  console.error("check-budget: the first-screen report names no script, or no language table");
  process.exit(1);
}
// The .gz copies are what the API and nginx send (a file too small to get one is
// compressed here).
const gzipped = (file) => {
  const copy = path.join(dist, `${file}.gz`);
  return (existsSync(copy) ? readFileSync(copy) : gzipSync(readFileSync(path.join(dist, file)))).length / 1024;
};
const sum = (files) => files.reduce((total, file) => total + gzipped(file), 0);
const english = sum([...report.shared, ...report.en]);
const withKorean = sum([...report.shared, ...report.ko]);
const line = `first screen ${english.toFixed(1)} KB gzipped (English), ${withKorean.toFixed(1)} KB (Korean); budget ${BUDGET_KB} KB`;
if (Math.max(english, withKorean) > BUDGET_KB) {
  console.error(`check-budget: over budget: ${line} (${[...report.shared, ...report.en, ...report.ko].join(", ")})`);
  process.exit(1);
}
console.log(`check-budget: ${line}`);
