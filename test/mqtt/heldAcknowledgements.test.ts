// The two things held acknowledgements rely on in MQTT.js, checked against a fake broker on a raw socket: handing
// `handleMessage`'s callback the hold error sends no PUBACK and reads on, and the private `_sendPacket` sends the
// PUBACK later. If an MQTT.js update changes either, this fails before a flood could lose or double anything.
import mqtt, { type MqttClient } from 'mqtt';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { holdAcknowledgements, type HeldDelivery } from '../../main/core/sources/mqtt/heldAcknowledgements.js';
import { connack, frameSplitter, PACKET, packetId, publish, pubrel, suback, type Frame } from '../harness/servers/mqttFrames.js';
import { sleep } from '../harness/wait.js';
import { listenOnFreePort } from '../harness/servers/serverProcess.js';

interface FakeBroker {
  url: string;
  /** Packets the client sent after CONNECT, in order. */
  received: Frame[];
  send(bytes: Buffer): void;
  stop(): Promise<void>;
}

async function fakeBroker(): Promise<FakeBroker> {
  const received: Frame[] = [];
  let socket: net.Socket | undefined;
  const server = net.createServer((s) => {
    socket = s;
    const split = frameSplitter();
    s.on('data', (chunk: Buffer) => {
      for (const frame of split(chunk)) {
        if (frame.type === PACKET.connect) s.write(connack());
        else if (frame.type === PACKET.subscribe) s.write(suback(packetId(frame), 1));
        else received.push(frame);
      }
    });
    s.on('error', () => {});
  });
  const port = await listenOnFreePort(server);
  return {
    url: `mqtt://127.0.0.1:${port}`,
    received,
    send: (bytes) => socket?.write(bytes),
    async stop() {
      socket?.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const acks = (broker: FakeBroker, type: number): number[] => broker.received.filter((f) => f.type === type).map(packetId);

let broker: FakeBroker;
let client: MqttClient;
afterEach(async () => {
  client.end(true);
  await broker.stop();
});

async function connectHolding(onDelivery: (d: HeldDelivery) => void): Promise<void> {
  broker = await fakeBroker();
  client = await mqtt.connectAsync(broker.url, { clientId: 'held-acks', reconnectPeriod: 0, protocolVersion: 4 });
  holdAcknowledgements(client, onDelivery);
  await client.subscribeAsync('t', { qos: 1 });
}

describe('held acknowledgements on MQTT.js', () => {
  it('QoS 1: reading on sends no PUBACK; acknowledge sends exactly the one asked for, when asked', async () => {
    const got: HeldDelivery[] = [];
    await connectHolding((d) => {
      got.push(d);
      d.readNext?.();
    });
    for (const id of [1, 2, 3]) broker.send(publish('t', `m${id}`, 1, id));
    await expect.poll(() => got.length).toBe(3);
    await sleep(100);
    expect(acks(broker, PACKET.puback)).toEqual([]);
    got[1]?.acknowledge();
    got[0]?.acknowledge();
    await expect.poll(() => acks(broker, PACKET.puback)).toEqual([2, 1]);
    await sleep(50);
    expect(acks(broker, PACKET.puback)).toEqual([2, 1]);
  });

  it('QoS 1: until readNext is called, the next message is not handed over (back-pressure)', async () => {
    const got: HeldDelivery[] = [];
    await connectHolding((d) => got.push(d));
    for (const id of [1, 2]) broker.send(publish('t', `m${id}`, 1, id));
    await expect.poll(() => got.length).toBe(1);
    await sleep(100);
    expect(got.length).toBe(1);
    got[0]?.readNext?.();
    await expect.poll(() => got.length).toBe(2);
    expect(acks(broker, PACKET.puback)).toEqual([]);
  });

  it('QoS 0: read on, nothing to acknowledge', async () => {
    const got: HeldDelivery[] = [];
    await connectHolding((d) => {
      got.push(d);
      d.acknowledge();
      d.readNext?.();
    });
    broker.send(publish('t', 'a', 0));
    broker.send(publish('t', 'b', 0));
    await expect.poll(() => got.map((d) => d.packet.payload.toString())).toEqual(['a', 'b']);
    await sleep(50);
    expect(broker.received.filter((f) => f.type !== PACKET.pingreq)).toEqual([]);
  });

  it('QoS 2: delivered on PUBREL without a separate read; acknowledge sends the PUBCOMP', async () => {
    const got: HeldDelivery[] = [];
    await connectHolding((d) => got.push(d));
    broker.send(publish('t', 'q2', 2, 7));
    await expect.poll(() => acks(broker, PACKET.pubrec)).toEqual([7]);
    broker.send(pubrel(7));
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]?.readNext).toBeUndefined();
    await sleep(50);
    expect(acks(broker, PACKET.pubcomp)).toEqual([]);
    got[0]?.acknowledge();
    await expect.poll(() => acks(broker, PACKET.pubcomp)).toEqual([7]);
  });
});
