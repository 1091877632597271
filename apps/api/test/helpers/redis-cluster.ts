import { execFile, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort, ownedChild } from "./processes.js";

const run = promisify(execFile);
const cli = async (port: number, ...args: string[]) =>
  (await run("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args])).stdout;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real Redis Cluster on this machine: three primaries and three replicas
 * (`redis-server --cluster-enabled yes`, joined by `redis-cli --cluster create`), in
 * a folder of its own. Nodes time out after a second, so a killed primary's replica
 * takes over in about two.
 */
export async function startRedisCluster() {
  const dir = mkdtempSync(path.join(tmpdir(), "orgo-redis-cluster-"));
  const ports: number[] = [];
  for (let i = 0; i < 6; i++) ports.push(await freePort());
  const nodes = new Map<number, ChildProcess>();
  for (const port of ports) {
    const child = ownedChild(
      spawn(
        "redis-server",
        [
          "--port",
          String(port),
          "--bind",
          "127.0.0.1",
          "--cluster-enabled",
          "yes",
          "--cluster-config-file",
          `nodes-${port}.conf`,
          "--cluster-node-timeout",
          "1000",
          "--dir",
          dir,
          "--save",
          "",
          "--appendonly",
          "no",
        ],
        { stdio: "ignore" },
      ),
    );
    nodes.set(port, child);
  }
  for (const port of ports) await waitFor(async () => (await cli(port, "ping").catch(() => "")).includes("PONG"));
  await run("redis-cli", [
    "--cluster",
    "create",
    ...ports.map((port) => `127.0.0.1:${port}`),
    "--cluster-replicas",
    "1",
    "--cluster-yes",
  ]);
  await waitFor(async () => (await Promise.all(ports.map(isOk))).every(Boolean));

  async function isOk(port: number) {
    return (await cli(port, "cluster", "info").catch(() => "")).includes("cluster_state:ok");
  }

  /** The port of the primary that serves `key`'s slot, as a live node sees it. */
  async function primaryOf(key: string): Promise<number> {
    const alive = [...nodes.keys()];
    const slot = Number((await cli(alive[0]!, "cluster", "keyslot", key)).trim());
    for (const line of (await cli(alive[0]!, "cluster", "nodes")).split("\n")) {
      const fields = line.trim().split(" ");
      if (!fields[2]?.includes("master") || fields[2].includes("fail")) continue;
      for (const range of fields.slice(8)) {
        const [from, to = from] = range.split("-").map(Number);
        if (slot >= from! && slot <= to!) return Number(fields[1]!.split("@")[0]!.split(":")[1]);
      }
    }
    throw new Error(`no primary serves slot ${slot}`);
  }

  return {
    url: `redis+cluster://${ports.map((port) => `127.0.0.1:${port}`).join(",")}`,
    primaryOf,
    /** Kills a node outright (no shutdown): what a crashed host looks like. */
    kill(port: number) {
      nodes.get(port)?.kill("SIGKILL");
      nodes.delete(port);
    },
    /** Until every node still running says the cluster is whole again. */
    async healed() {
      await waitFor(async () => (await Promise.all([...nodes.keys()].map(isOk))).every(Boolean), 20_000);
    },
    stop() {
      for (const child of nodes.values()) child.kill("SIGKILL");
      nodes.clear();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("the Redis cluster did not come up");
    await sleep(100);
  }
}
