import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer, connect, type Server, type Socket } from "node:net";
import { pingRedis } from "../../src/platform/events/redis-event-bus.js";
import { freePort, ownedChild } from "./processes.js";

/**
 * A Redis server of the test's own, on a free port, that a test may stop and start
 * again (the machine's shared Redis is never touched).
 */
export async function ownRedis() {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const redis = {
    url,
    async start() {
      child = ownedChild(
        spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
          stdio: "ignore",
        }),
      );
      for (let i = 0; i < 100 && !(await pingRedis(url)); i++) await new Promise((r) => setTimeout(r, 50));
      if (!(await pingRedis(url))) throw new Error(`redis-server did not start on ${port}`);
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
  };
  await redis.start();
  return redis;
}

export const hasRedisServer = () => spawnSync("redis-server", ["--version"]).status === 0;

/**
 * A TCP relay in front of PostgreSQL: `down()` drops every connection and refuses new
 * ones, as a stopped or unreachable server does; `up()` accepts again on the same port.
 */
export async function postgresRelay(target: { host: string; port: number }) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await listen();
  return {
    port,
    down() {
      server?.close();
      server = null;
      for (const socket of sockets) socket.destroy();
    },
    up: listen,
    close() {
      server?.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
