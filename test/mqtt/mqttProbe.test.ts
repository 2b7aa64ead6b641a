// `servicebell check`'s MQTT probe against a real Mosquitto: login + a granted QoS 1 subscription, bounded, read-only,
// and on its own clean session, so a check never takes what the running app's persistent session has queued.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkClientId, probeMqtt } from '../../main/core/sources/mqtt/mqttProbe.js';
import { startFreezableProxy } from '../harness/servers/freezableProxy.js';
import { startMosquitto, type MosquittoServer } from '../harness/servers/mosquittoServer.js';
import { PipelineSink, supportRequest } from '../push/pipelineSink.js';
import { backend, makeSource, POS, settings, USERS } from './mqttHarness.js';

let broker: MosquittoServer;
beforeEach(async () => {
  broker = await startMosquitto({ users: USERS });
});
afterEach(async () => {
  await broker.stop();
});
const secret = (value: string | undefined) => async () => value;
const FAST = { timing: { connectTimeoutMs: 1_000, requestTimeoutMs: 1_000, stopTimeoutMs: 500 } };

describe('MQTT check probe', () => {
  it('says the login was accepted and the subscription granted; a wrong password fails without the password in the line', async () => {
    const s = settings(broker.url);
    expect(await probeMqtt(s, secret(POS.password))).toEqual([{ name: 'mqtt', ok: true, detail: expect.stringContaining(`${broker.url}: user ${POS.username} accepted; subscription to ${s.topic} granted`) as unknown }]);
    const [wrong] = await probeMqtt(s, secret('wrong-pw-777'));
    expect(wrong).toMatchObject({ ok: false, detail: `${broker.url}: the broker refused the login: wrong user name or password, or this user may not connect` });
    expect(JSON.stringify(wrong)).not.toContain('wrong-pw-777');
  });

  it('a check while the app is off leaves the app’s queued messages for the app', async () => {
    const sink = await PipelineSink.open();
    try {
      const s = settings(broker.url);
      const app = makeSource(sink, s);
      await app.start();
      await expect.poll(() => sink.lastState).toBe('connected');
      await app.stop();
      const pub = await backend(broker.url);
      await pub.send(supportRequest('queued-1'));
      await pub.endAsync();
      expect(checkClientId(s, 'default', 'pc')).toBe(`${s.clientId ?? ''}-check`);
      expect((await probeMqtt(s, secret(POS.password)))[0]?.ok).toBe(true);
      const again = makeSource(sink, s);
      await again.start();
      await expect.poll(() => sink.ids).toEqual(['queued-1']);
      await again.stop();
    } finally {
      await sink.destroy();
    }
  });

  it('a broker that is down, a broker that never answers, and missing settings are FAIL lines within the deadline', async () => {
    const proxy = await startFreezableProxy(broker.port);
    try {
      proxy.freeze();
      const t0 = Date.now();
      const [frozen] = await probeMqtt(settings(proxy.url('mqtt')), secret(POS.password), FAST);
      expect(frozen?.ok).toBe(false);
      expect(Date.now() - t0).toBeLessThan(5_000);
    } finally {
      await proxy.stop();
    }
    const port = broker.port;
    await broker.stopServer();
    const [down] = await probeMqtt(settings(`mqtt://127.0.0.1:${port}`), secret(POS.password), FAST);
    expect(down).toMatchObject({ ok: false, detail: expect.stringMatching(/ECONNREFUSED|refused/) as unknown });
    expect(await probeMqtt({ ...settings(broker.url), topic: undefined }, secret(undefined))).toEqual([{ name: 'mqtt', ok: false, detail: 'mqtt.url and mqtt.topic must be set' }]);
  });
});
