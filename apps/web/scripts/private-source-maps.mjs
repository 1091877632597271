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
const maps = readdirSync(assets).filter((file) => file.endsWith(".map"));
for (const file of maps) renameSync(path.join(assets, file), path.join(target, file));
console.log(`private-source-maps: ${maps.length} source maps moved to apps/web/source-maps/`);
