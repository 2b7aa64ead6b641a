// The same MQTT source on nats-server's MQTT listener (JetStream-backed sessions): the clusterable path for a chain.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startNatsServer, type NatsServer } from '../harness/servers/natsServer.js';
import { PipelineSink, supportRequest } from '../push/pipelineSink.js';
import { backend, BACKEND, makeSource, POS, settings } from './mqttHarness.js';

let nats: NatsServer;
let sink: PipelineSink;

beforeEach(async () => {
  nats = await startNatsServer({ users: [POS, BACKEND] });
  sink = await PipelineSink.open();
});
afterEach(async () => {
  await sink.destroy();
  await nats.stop();
});

describe('MQTT source on nats-server (JetStream + MQTT listener)', () => {
  it('connects and catches up across a server restart', async () => {
    const source = makeSource(sink, settings(nats.mqttUrl));
    await source.start();
    await expect.poll(() => sink.lastState, { timeout: 10_000 }).toBe('connected');
    let pub = await backend(nats.mqttUrl);
    await pub.send(supportRequest('n-1'));
    await expect.poll(() => sink.ids).toEqual(['n-1']);
    await source.stop();
    await pub.send(supportRequest('n-2'));
    await pub.endAsync();
    await nats.restart();
    const next = await sink.reopen();
    const again = makeSource(next, settings(nats.mqttUrl));
    await again.start();
    await expect.poll(() => next.lastState, { timeout: 10_000 }).toBe('connected');
    await expect.poll(() => next.ids, { timeout: 10_000 }).toEqual(['n-2']);
    pub = await backend(nats.mqttUrl);
    await pub.send(supportRequest('n-3'));
    await expect.poll(() => next.ids).toEqual(['n-2', 'n-3']);
    await pub.endAsync();
    await again.stop();
    await next.destroy();
  });
});
