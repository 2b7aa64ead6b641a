import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import { createSystemOpener } from '../../main/core/links/linkOpener.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { DbusNotifier } from '../../main/core/notify/dbusNotifier.js';
import { settingsFrom } from '../harness/settings.js';
import { sourceFactories } from '../../main/core/sources/registry.js';
import { startPrivateDesktop, type PrivateDesktop } from '../harness/privateBus.js';
import { startPrivmxBridgeEmulator, type PrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { startSmsapiEmulator, type SmsapiEmulator } from '../emulators/smsapi/index.js';
import { sleep } from './sourceHarness.js';

let desktop: PrivateDesktop;
let bridge: PrivmxBridgeEmulator;
let sms: SmsapiEmulator;
let core: ServicebellCore | undefined;

beforeEach(async () => {
  desktop = await startPrivateDesktop();
  bridge = await startPrivmxBridgeEmulator();
  sms = await startSmsapiEmulator({ tokens: ['sms-token'] });
});
afterEach(async () => {
  await core?.stop();
  core = undefined;
  await Promise.all([bridge.stop(), sms.stop()]);
  await desktop.stop();
});

describe('PrivMX Bridge → rules → pipeline → D-Bus notification (+ SMS)', () => {
  it('notifies on the desktop, texts the duty phone, and after a drop catches up without duplicates', async () => {
    const key = bridge.addApiKey();
    const ctx = bridge.addContext();
    const orders = bridge.addThread(ctx.id);
    const settings = settingsFrom({
      privmx: {
        enabled: true, bridgeUrl: bridge.url, apiKeyId: key.id,
        rules: [{ name: 'orders', match: { channel: 'thread', threadId: orders.id }, title: 'New order', body: 'From {author}, table {publicMeta.table}', actions: ['desktop', 'sms'] }],
      },
      sms: { to: ['+48500100200'], apiUrl: sms.url },
      notifications: { burst: { count: 20, windowSeconds: 10 } },
    });
    const logger = silentLogger();
    const secrets: Record<string, string> = { 'privmx.apiKeySecret': key.secret, 'smsapi.token': 'sms-token' };
    const getSecret = async ({ name }: { name: string }) => secrets[name];
    core = await ServicebellCore.open({
      settings, dataDir: mkdtempSync(path.join(os.tmpdir(), 'sb-privmx-e2e-')),
      notifier: new DbusNotifier({ busAddress: desktop.busAddress, logger }), opener: createSystemOpener('linux'),
      getSecret, logger, sources: sourceFactories, hostName: 'e2e-host',
    });
    const states: string[] = [];
    core.onStatus((s) => s.source === 'privmx' && states.push(s.state));
    await core.start();
    await expect.poll(() => states.at(-1), { timeout: 5_000 }).toBe('connected');

    bridge.sendMessage(orders.id, { author: 'waiter', publicMeta: { table: 7 } });
    const shown = await desktop.notifications.waitFor((n) => n.summary === 'New order');
    expect(shown.body).toBe('From waiter, table 7');
    const [text] = await sms.waitForCount(1);
    expect(text).toMatchObject({ to: ['+48500100200'], message: 'New order: From waiter, table 7' });

    bridge.dropSockets();
    bridge.sendMessage(orders.id, { author: 'a', publicMeta: { table: 1 } });
    bridge.sendMessage(orders.id, { author: 'b', publicMeta: { table: 2 } });
    await desktop.notifications.waitForCount(3, 10_000);
    await sleep(300);
    expect(desktop.notifications.notifications.map((n) => n.body).sort()).toEqual(['From a, table 1', 'From b, table 2', 'From waiter, table 7']);
    await sms.waitForCount(3);
    await sleep(300);
    // The core texts each marked alert exactly once.
    expect(sms.messages).toHaveLength(3);
    expect(core.history.list()).toHaveLength(3);
  });
});
