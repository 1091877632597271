// Source maps would publish the client's sources: move them out of dist/ (what the
// API and nginx serve) into source-maps/, kept beside the build to map the stack
// traces of client error reports back to the code.
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const assets = path.join(webDir, "dist", "assets");
const target = path.join(webDir, "source-maps");
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
// The app's chunks are in assets/; the service worker is at the root (its scope is the site).
const maps = [assets, path.join(webDir, "dist")].flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".map"))
    .map((file) => path.join(dir, file)),
);
for (const file of maps) renameSync(file, path.join(target, path.basename(file)));
console.log(`private-source-maps: ${maps.length} source maps moved to apps/web/source-maps/`);
