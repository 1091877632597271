// Compiles the API into one JavaScript file, dist/main.js, so production runs plain
// `node` with no TypeScript loader (and no esbuild service) at run time; and the role
// command (scripts/role.ts) into dist/role.js, run the same way by `npm run role`.
//
// The workspace's own TypeScript (@orgo/db with its generated Prisma client,
// @orgo/api-contract) is bundled in; every npm package stays outside the bundle and is
// loaded by Node from where pnpm installed it. Two rewrites keep the bundle behaving
// like the sources it came from:
// - an npm import is resolved from the file that wrote it (pnpm gives each package
//   only its own dependencies) and kept as a path relative to dist/;
// - `import.meta.url` becomes the URL of the original source file, so paths computed
//   from it (the repository root, the migrations folder, the Prisma client's folder)
//   stay what they were.
// Run: node scripts/build.mjs (npm start and the stack command run it; it takes ~1 s).
import { build } from "esbuild";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const outdir = path.join(apiDir, "dist");
const builtins = new Set(builtinModules);

/** Bare specifiers of npm packages (not `node:` builtins, not the workspace's own). */
function isNpmImport(specifier) {
  if (specifier.startsWith(".") || path.isAbsolute(specifier)) return false;
  if (specifier.startsWith("node:") || builtins.has(specifier.split("/")[0])) return false;
  return !specifier.startsWith("@orgo/");
}

/** @type {import("esbuild").Plugin} */
const keepNpmPackagesOutside = {
  name: "keep-npm-packages-outside",
  setup(esbuild) {
    esbuild.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === "resolving" || !isNpmImport(args.path)) return undefined;
      const resolved = await esbuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      const relative = path.relative(outdir, resolved.path).split(path.sep).join("/");
      return { path: relative.startsWith(".") ? relative : `./${relative}`, external: true };
    });
  },
};

/** @type {import("esbuild").Plugin} */
const keepSourceUrls = {
  name: "keep-source-urls",
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      const { readFile } = await import("node:fs/promises");
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const fromDist = path.relative(outdir, args.path).split(path.sep).join("/");
      const url = `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`;
      return { contents: source.replaceAll("import.meta.url", url), loader: "ts" };
    });
  },
};

const started = performance.now();
await build({
  entryPoints: [
    { in: path.join(apiDir, "src/main.ts"), out: "main" },
    { in: path.join(apiDir, "scripts/role.ts"), out: "role" },
  ],
  outdir,
  bundle: true,
  platform: "node",
  target: "node20.19",
  format: "esm",
  sourcemap: true,
  // No `keepNames`: nothing is minified, so functions keep their names anyway (a
  // bundle may rename one that clashes, e.g. helper2). keepNames wraps every function
  // expression in a defineProperty call, which runs each time a closure is made and
  // turns the closure's properties into a dictionary: 256 bytes more per closure a
  // socket holds, and a slower path for every one made (bench:chat, heap snapshots).
  // Resolve npm packages exactly as Node would (no "module" condition).
  conditions: [],
  legalComments: "none",
  logLevel: "warning",
  plugins: [keepNpmPackagesOutside, keepSourceUrls],
});
console.log(`built apps/api/dist/main.js and role.js in ${Math.round(performance.now() - started)} ms`);
