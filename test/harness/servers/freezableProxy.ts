// A TCP relay between a client and a real server that can freeze: bytes stop flowing both ways while every socket
// stays open, as a dead NAT entry or a sleeping Wi-Fi link looks to the client.
import net from 'node:net';
import { listenOnFreePort } from './serverProcess.js';

export interface FreezableProxy {
  port: number;
  url(scheme: string): string;
  freeze(): void;
  thaw(): void;
  /** Connections accepted so far. */
  readonly connections: number;
  stop(): Promise<void>;
}

export async function startFreezableProxy(targetPort: number): Promise<FreezableProxy> {
  let frozen = false;
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    const relay = (from: net.Socket, to: net.Socket): void => {
      from.on('data', (chunk: Buffer) => {
        if (!frozen) to.write(chunk);
      });
      from.on('close', () => to.destroy());
    };
    relay(client, upstream);
    relay(upstream, client);
  });
  const port = await listenOnFreePort(server);
  return {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    freeze: () => void (frozen = true),
    thaw: () => void (frozen = false),
    get connections() {
      return connections;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
