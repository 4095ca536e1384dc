import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { IdleConnections } from "./idle-connections";
import { nodeApiListener } from "./node-listener";

function fakeSocket(): Socket & { destroyed: boolean } {
  const s = new EventEmitter() as unknown as Socket & { destroyed: boolean };
  s.destroyed = false;
  s.destroy = (() => {
    s.destroyed = true;
    s.emit("close");
    return s;
  }) as Socket["destroy"];
  return s;
}

describe("IdleConnections", () => {
  it("destroys sockets idle for idleMs, never busy ones, and forgets closed ones", () => {
    let now = 0;
    const idle = new IdleConnections(1000, 100_000, () => now);
    const a = fakeSocket();
    const b = fakeSocket();
    idle.begin(a);
    idle.begin(b);
    idle.end(a);
    now = 999;
    idle.sweep();
    expect(a.destroyed).toBe(false);
    now = 1000;
    idle.sweep();
    expect(a.destroyed).toBe(true);
    // b still has a request in flight (a watch, say): kept however long it takes.
    now = 10_000;
    idle.sweep();
    expect(b.destroyed).toBe(false);
    expect(idle.size).toBe(1);
    // A new request on a socket resets its idle time.
    idle.end(b);
    now = 10_500;
    idle.begin(b);
    idle.end(b);
    now = 11_400;
    idle.sweep();
    expect(b.destroyed).toBe(false);
    now = 11_500;
    idle.sweep();
    expect(b.destroyed).toBe(true);
    expect(idle.size).toBe(0);
    idle.stop();
  });

  it("closes an idle keep-alive connection of a real server, which keeps serving new ones", async () => {
    const idle = new IdleConnections(100, 20);
    const server = http.createServer(nodeApiListener(async () => ({ status: 200, headers: {}, body: "ok" }), "http://127.0.0.1", { idle }));
    server.keepAliveTimeout = 0;
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ socket: Socket; body: string }>((resolve, reject) => {
        const req = http.get({ agent, port, host: "127.0.0.1", path: "/" }, (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ socket: req.socket!, body }));
        });
        req.on("error", reject);
      });
    try {
      const t0 = Date.now();
      const first = await get();
      expect(first.body).toBe("ok");
      expect(idle.size).toBe(1);
      await new Promise((r) => first.socket.once("close", r));
      // Closed by the server's sweep, not before idleMs.
      expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
      while (idle.size) await new Promise((r) => setTimeout(r, 5));
      expect((await get()).body).toBe("ok");
    } finally {
      agent.destroy();
      idle.stop();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
