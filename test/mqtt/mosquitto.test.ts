// The MQTT source against a real Mosquitto: every fault the issue names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_LOST_DETAIL, type MqttSource } from '../../main/core/sources/mqtt/mqttSource.js';
import { startFreezableProxy } from '../harness/servers/freezableProxy.js';
import { startMosquitto, type MosquittoServer } from '../harness/servers/mosquittoServer.js';
import { sleep } from '../harness/wait.js';
import { PipelineSink, supportRequest } from '../push/pipelineSink.js';
import { capturingLogger } from '../privmx/sourceHarness.js';
import { backend, makeSource, settings } from './mqttHarness.js';

let broker: MosquittoServer;
let sink: PipelineSink;
const cleanups: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  broker = await startMosquitto({ users: (await import('./mqttHarness.js')).USERS });
  sink = await PipelineSink.open();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  await sink.destroy();
  await broker.stop();
});

async function running(s = settings(broker.url), options: Parameters<typeof makeSource>[2] = {}, into = sink): Promise<MqttSource> {
  const source = makeSource(into, s, options);
  cleanups.push(() => source.stop());
  await source.start();
  return source;
}
async function connected(into = sink, s = settings(broker.url)): Promise<MqttSource> {
  const before = into.count('connected');
  const source = await running(s, {}, into);
  await expect.poll(() => into.count('connected')).toBe(before + 1);
  return source;
}
async function publisher() {
  const client = await backend(broker.url);
  cleanups.push(() => client.endAsync());
  return client;
}

describe('MQTT source on Mosquitto', () => {
  it('turns a support request into the Vonage-style alert with Join Meeting', async () => {
    await connected();
    expect(sink.lastDetail).toContain('subscribed to restaurants/r1/alerts');
    await (await publisher()).send(supportRequest('req-1'));
    await expect.poll(() => sink.ids).toEqual(['req-1']);
    const [outcome] = sink.outcomes;
    expect(outcome?.alert).toMatchObject({ source: 'mqtt', kind: 'support_request', title: 'Support request', body: 'guest-req-1@example.com has requested support' });
    expect(outcome?.joinUrl).toBe('https://meet.example.com/r/req-1');
  });

  it('broker restart with persistence: what was queued while the PC was off arrives once', async () => {
    const first = await connected();
    await first.stop();
    const pub = await publisher();
    for (const id of ['q-1', 'q-2', 'q-3']) await pub.send(supportRequest(id));
    await pub.endAsync();
    await broker.restart({ persistence: true });
    const next = await sink.reopen();
    cleanups.push(() => next.destroy());
    await connected(next);
    expect(next.lastDetail).toContain('session resumed');
    await expect.poll(() => next.ids).toEqual(['q-1', 'q-2', 'q-3']);
    // While connected: the broker restarts under the source; it reconnects into the same session.
    await broker.restart({ persistence: true });
    await expect.poll(() => next.count('connected')).toBe(2);
    await (await backend(broker.url)).send(supportRequest('after-restart')).catch(() => {});
    await expect.poll(() => next.ids).toEqual(['q-1', 'q-2', 'q-3', 'after-restart']);
    await sleep(200);
    expect(next.historyIds()).toEqual(['q-1', 'q-2', 'q-3', 'after-restart']);
    expect(next.statuses.some((s) => s.detail?.includes(SESSION_LOST_DETAIL))).toBe(false);
  });

  it('broker restart without persistence: the lost session is logged and shown in the status', async () => {
    const { logger, lines } = capturingLogger();
    const source = makeSource(sink, settings(broker.url), { logger });
    cleanups.push(() => source.stop());
    await source.start();
    await expect.poll(() => sink.count('connected')).toBe(1);
    expect(sink.lastDetail).not.toContain(SESSION_LOST_DETAIL);
    await broker.restart({ persistence: false });
    await expect.poll(() => sink.count('connected')).toBe(2);
    expect(sink.lastDetail).toContain(SESSION_LOST_DETAIL);
    expect(lines.join('')).toContain('did not keep this PC');
    // Still subscribed afterwards.
    await (await publisher()).send(supportRequest('fresh'));
    await expect.poll(() => sink.ids).toEqual(['fresh']);
  });

  it('a wrong password is auth_failed with the reason (never the password)', async () => {
    await running(settings(broker.url), { password: 'bad-pw-123' });
    await expect.poll(() => sink.lastState).toBe('auth_failed');
    expect(sink.lastDetail).toMatch(/wrong user name or password/);
    expect(sink.lastDetail).not.toContain('bad-pw-123');
  });

  it('a topic the user may not read: Mosquitto 2.0 grants the SUBACK but never delivers (the ACL applies on delivery)', async () => {
    await connected(sink, settings(broker.url, { topic: 'restaurants/r2/alerts' }));
    await (await publisher()).send(supportRequest('other-restaurant'), { topic: 'restaurants/r2/alerts' });
    await sleep(300);
    expect(sink.ids).toEqual([]);
  });

  it('a retained message is never shown as new; live ones are', async () => {
    const pub = await publisher();
    await pub.send(supportRequest('old-retained'), { retain: true });
    await connected();
    await pub.send(supportRequest('live-1'));
    await expect.poll(() => sink.ids).toEqual(['live-1']);
    await sleep(200);
    expect(sink.ids).toEqual(['live-1']);
  });

  it('duplicate deliveries show once, also after a restart of the app', async () => {
    const source = await connected();
    const pub = await publisher();
    await pub.send(supportRequest('dup-1'));
    await pub.send(supportRequest('dup-1'));
    await pub.send(supportRequest('dup-2'));
    await expect.poll(() => sink.ids).toEqual(['dup-1', 'dup-2']);
    await source.stop();
    const next = await sink.reopen();
    cleanups.push(() => next.destroy());
    await connected(next);
    await pub.send(supportRequest('dup-1'));
    await pub.send(supportRequest('dup-3'));
    await expect.poll(() => next.ids).toEqual(['dup-3']);
    expect(next.duplicates).toBe(1);
    expect(next.historyIds()).toEqual(['dup-1', 'dup-2', 'dup-3']);
  });

  it('malformed payloads are logged with a reason and the next message is still handled', async () => {
    const { logger, lines } = capturingLogger();
    const source = makeSource(sink, settings(broker.url), { logger });
    cleanups.push(() => source.stop());
    await source.start();
    await expect.poll(() => sink.lastState).toBe('connected');
    const pub = await publisher();
    for (const bad of ['not json', '[1,2]', '{"type":"support_request"}', '{"id":"x","type":"bad type!"}', Buffer.from([0xff, 0xfe, 0x00])]) await pub.send(bad);
    await pub.send(supportRequest('good'));
    await expect.poll(() => sink.ids).toEqual(['good']);
    const log = lines.join('');
    expect(log).toContain('payload is not JSON');
    expect(log).toContain('payload is not a JSON object');
    expect(log).toMatch(/id: /);
    expect(sink.lastState).toBe('connected');
  });

  it('a 256 KB payload is handled (text capped) and the next one still arrives', async () => {
    await connected();
    const pub = await publisher();
    await pub.send(supportRequest('big', { type: 'note', body: 'x'.repeat(256 * 1024), title: 'Big' }));
    await pub.send(supportRequest('after-big'));
    await expect.poll(() => sink.ids).toEqual(['big', 'after-big']);
    expect(sink.outcomes[0]?.alert.body.length).toBeLessThan(10_000);
  });

  it('keepalive loss (a frozen link) is detected; after the thaw it reconnects and catches up', async () => {
    const proxy = await startFreezableProxy(broker.port);
    cleanups.push(() => proxy.stop());
    await connected(sink, settings(proxy.url('mqtt')));
    proxy.freeze();
    await expect.poll(() => sink.lastState, { timeout: 8_000 }).toBe('reconnecting');
    const pub = await publisher();
    await pub.send(supportRequest('while-frozen'));
    proxy.thaw();
    await expect.poll(() => sink.count('connected'), { timeout: 8_000 }).toBe(2);
    await expect.poll(() => sink.ids).toEqual(['while-frozen']);
  });

  it('resume after sleep: reconnectNow drops the link, reconnects at once and gets what came meanwhile', async () => {
    const source = await connected();
    source.reconnectNow('resume');
    await (await publisher()).send(supportRequest('after-sleep'));
    await expect.poll(() => sink.count('connected')).toBe(2);
    await expect.poll(() => sink.ids).toEqual(['after-sleep']);
    expect(sink.lastDetail).toContain('session resumed');
  });

  it('MQTT 5 with a session expiry interval keeps the session across a restart of the app', async () => {
    const v5 = settings(broker.url, { protocolVersion: 5 });
    const first = await connected(sink, v5);
    await first.stop();
    await (await publisher()).send(supportRequest('v5-queued'));
    await connected(sink, v5);
    await expect.poll(() => sink.ids).toEqual(['v5-queued']);
  });

  it('no broker: offline with the reason and the next retry, then connects when it appears', async () => {
    await broker.stopServer();
    await running();
    await expect.poll(() => sink.lastState).toBe('offline');
    expect(sink.lastDetail).toMatch(/retrying in \d+ s/);
    await broker.startServer();
    await expect.poll(() => sink.lastState, { timeout: 5_000 }).toBe('connected');
  });
});
