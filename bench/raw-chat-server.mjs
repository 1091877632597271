// The baseline of bench/chat.ts: a plain `ws` chat relay. A client joins rooms with
// {"join":[ids]} and sends {"room":id,"clientId":"…","body":"…"}; the server numbers
// the room's messages and sends every socket in the room a tRPC-shaped data frame,
// serialised once. No database, no authentication, no second process: the floor a
// live layer can approach.
import http from "node:http";
import { WebSocketServer } from "ws";

const rooms = new Map(); // room id → { seq, sockets: Set }
const server = http.createServer((req, res) => {
  if (req.url === "/ready") return res.end("ok");
  res.statusCode = 404;
  res.end();
});
const wss = new WebSocketServer({ server });
wss.on("connection", (socket) => {
  const joined = [];
  socket.on("message", (data) => {
    const message = JSON.parse(data.toString("utf8"));
    if (message.join) {
      for (const id of message.join) {
        let room = rooms.get(id);
        if (!room) rooms.set(id, (room = { seq: 0, sockets: new Set() }));
        room.sockets.add(socket);
        joined.push(room);
      }
      return;
    }
    const room = rooms.get(message.room);
    if (!room) return;
    const seq = ++room.seq;
    const frame = JSON.stringify({
      id: message.room,
      jsonrpc: "2.0",
      result: {
        type: "data",
        id: String(seq),
        data: {
          json: {
            id: String(seq),
            data: {
              kind: "message",
              message: { roomId: message.room, seq, clientId: message.clientId, body: message.body },
            },
          },
        },
      },
    });
    for (const member of room.sockets) member.send(frame);
  });
  socket.on("close", () => {
    for (const room of joined) room.sockets.delete(socket);
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
