// The baseline of bench/live.ts: a plain `ws` server that holds sockets and, on
// POST /broadcast, sends every socket the body as a tRPC-shaped data frame —
// serialised once, the same bytes to everyone.
import http from "node:http";
import { WebSocketServer } from "ws";

const server = http.createServer((req, res) => {
  if (req.url === "/ready") return res.end("ok");
  if (req.url === "/broadcast" && req.method === "POST") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const frame = `{"id":1,"result":{"type":"data","data":{"json":${body}}}}`;
      for (const socket of wss.clients) socket.send(frame);
      res.end("sent");
    });
    return;
  }
  res.statusCode = 404;
  res.end();
});
const wss = new WebSocketServer({ server });
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
