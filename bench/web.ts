/**
 * The web client's load performance, as Lighthouse 12 measures it with its mobile
 * profile (simulated slow 4G: 150 ms RTT, 1.6 Mbps down, 4× CPU slowdown), on the
 * built client served by the real (compiled) API with the demo data.
 *
 * Baseline, in the same run and the same Chromium: a static page of text with no
 * script, served by a bare node:http server — the floor this machine and profile
 * allow. Rounds are interleaved (app, baseline, app, …) and medians printed.
 *
 * Each page is read twice per round, each time in a browser of its own as the
 * Lighthouse CLI does: with the performance category only, and with every category
 * (the CLI's default, how an outside reader measures; the other categories' gatherers
 * run in the page while the trace is recorded).
 *
 *   npm run bench:web   (BENCH_ROUNDS, BENCH_DATABASE_URL, CHROMIUM_PATH)
 */
import { spawnSync } from "node:child_process";
import { writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import lighthouse from "lighthouse";
import pg from "pg";
import * as chromeLauncher from "chrome-launcher";
import { freePort, freshBenchDatabase, repoRoot, startApi } from "./servers.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

interface Figures {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  kib: number;
}

const BASELINE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>OrGo</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:16px}h1{font-size:22px}</style></head>
<body><h1>Latest</h1>${"<article><h2>What I learned today</h2><p>Listen first, then catch up from the database, then stream, and drop duplicates by id.</p></article>".repeat(8)}</body></html>`;

function buildClient() {
  const result = spawnSync(process.execPath, ["scripts/pnpm.mjs", "--filter", "@orgo/web", "build"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("building the web client failed");
}

type Mode = "performance only" | "CLI default (all categories)";
const MODES: Mode[] = ["performance only", "CLI default (all categories)"];

async function measure(url: string, port: number, round: number, mode: Mode): Promise<Figures> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    ...(mode === "performance only" ? { onlyCategories: ["performance"] } : {}),
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  // BENCH_WEB_REPORT=dir keeps each run's full report (what to change comes from there).
  if (process.env.BENCH_WEB_REPORT) {
    mkdirSync(process.env.BENCH_WEB_REPORT, { recursive: true });
    const name = new URL(url).pathname.replace(/\W+/g, "_") || "root";
    writeFileSync(
      path.join(
        process.env.BENCH_WEB_REPORT,
        `${new URL(url).port}${name}-${mode === "performance only" ? "perf" : "all"}-${round + 1}.json`,
      ),
      JSON.stringify(lhr),
    );
  }
  if (lhr.runtimeError) throw new RecordingFailed(`Lighthouse: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    kib: audit("total-byte-weight") / 1024,
  };
}

/** Lighthouse's own failures to record a page (NO_NAVSTART…): it says to run it again. */
class RecordingFailed extends Error {}

/**
 * One reading in a fresh browser, as the Lighthouse CLI launches one (a browser kept
 * warm across readings measured hundreds of ms less TBT). A reading Lighthouse failed
 * to record is taken again, at most twice, and said so: it is not a figure.
 */
async function reading(url: string, round: number, mode: Mode): Promise<Figures> {
  for (let attempt = 1; ; attempt++) {
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      return await measure(url, chrome.port, round, mode);
    } catch (error) {
      if (!(error instanceof RecordingFailed) || attempt === 3) throw error;
      console.warn(`${url} (${mode}), round ${round + 1}: ${error.message}; reading it again`);
    } finally {
      chrome.kill();
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medians = (runs: Figures[]): Figures => ({
  score: median(runs.map((r) => r.score)),
  fcp: median(runs.map((r) => r.fcp)),
  lcp: median(runs.map((r) => r.lcp)),
  tbt: median(runs.map((r) => r.tbt)),
  cls: median(runs.map((r) => r.cls)),
  kib: median(runs.map((r) => r.kib)),
});

async function main() {
  buildClient();
  const databaseUrl = await freshBenchDatabase(serverUrl, "orgo_bench_web");
  const api = await startApi("web", {
    DATABASE_URL: databaseUrl,
    SEED_DEMO_DATA: "true",
    WEB_DIST_DIR: path.join(repoRoot, "apps", "web", "dist"),
  });
  const basePort = await freePort();
  const baseline = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(BASELINE_PAGE);
  }).listen(basePort, "127.0.0.1");
  // A post's own address: the first screen plus the post's chunk and Markdown.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ id: number }>(`select id from "Post" order by id desc limit 1`);
  await db.end();
  const postId = rows[0]?.id;
  const pages = {
    "feed (/)": `${api.url}/`,
    ...(postId ? { [`post (/posts/${postId})`]: `${api.url}/posts/${postId}` } : {}),
    baseline: `http://127.0.0.1:${basePort}/`,
  };
  const runs = new Map<Mode, Map<string, Figures[]>>(MODES.map((mode) => [mode, new Map()]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of MODES) {
        for (const [name, url] of Object.entries(pages)) {
          const figures = await reading(url, round, mode);
          const byPage = runs.get(mode)!;
          byPage.set(name, [...(byPage.get(name) ?? []), figures]);
        }
      }
    }
  } finally {
    baseline.close();
    await api.stop();
  }
  for (const mode of MODES) report(mode, runs.get(mode)!);
  console.log("targets: score >= 95, LCP <= 1500 ms, TBT <= 150 ms, CLS <= 0.05");
}

function report(mode: Mode, runs: Map<string, Figures[]>) {
  const base = medians(runs.get("baseline")!);
  console.log(`\nLighthouse 12, mobile profile (simulated), ${mode}: median of ${ROUNDS} interleaved rounds`);
  console.log("page".padEnd(24), "score   FCP ms   LCP ms   TBT ms     CLS    KiB   LCP vs baseline");
  for (const [name, list] of runs) {
    const m = medians(list);
    console.log(
      name.padEnd(24),
      String(m.score).padStart(5),
      m.fcp.toFixed(0).padStart(8),
      m.lcp.toFixed(0).padStart(8),
      m.tbt.toFixed(0).padStart(8),
      m.cls.toFixed(3).padStart(7),
      m.kib.toFixed(0).padStart(6),
      `${(m.lcp / base.lcp).toFixed(2)}x`.padStart(10),
    );
  }
  // TBT is the figure that moves most between rounds on a shared machine: show its spread.
  for (const [name, list] of runs) {
    console.log(
      `per round, ${name}: score ${list.map((r) => r.score).join(", ")}; TBT ${list.map((r) => r.tbt.toFixed(0)).join(", ")} ms`,
    );
  }
}

await main();
process.exit(0);
