// A TCP relay between an MQTT client and a real broker that reads the packets going by: which PUBLISH the broker
// sent, which acknowledgement the client sent back, on which connection, in the order they passed.
import net from 'node:net';
import { frameSplitter, PACKET, packetId, publishQos } from './mqttFrames.js';
import { listenOnFreePort } from './serverProcess.js';

export interface WatchedPacket {
  /** 1 for the first connection the proxy accepted, 2 for the next… */
  connection: number;
  kind: 'publish' | 'puback';
  id: number;
}

export interface MqttWatchingProxy {
  url: string;
  /** QoS 1 PUBLISHes broker → client and PUBACKs client → broker, in the order they passed. */
  readonly packets: readonly WatchedPacket[];
  stop(): Promise<void>;
}

export async function startMqttWatchingProxy(brokerPort: number): Promise<MqttWatchingProxy> {
  const packets: WatchedPacket[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((client) => {
    const connection = ++connections;
    const upstream = net.connect({ host: '127.0.0.1', port: brokerPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    const down = frameSplitter();
    const up = frameSplitter();
    upstream.on('data', (chunk: Buffer) => {
      for (const f of down(chunk)) if (f.type === PACKET.publish && publishQos(f) === 1) packets.push({ connection, kind: 'publish', id: packetId(f) });
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      for (const f of up(chunk)) if (f.type === PACKET.puback) packets.push({ connection, kind: 'puback', id: packetId(f) });
      upstream.write(chunk);
    });
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  const port = await listenOnFreePort(server);
  return {
    url: `mqtt://127.0.0.1:${port}`,
    packets,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
