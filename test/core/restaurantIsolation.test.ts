import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import { createSystemOpener } from '../../main/core/links/linkOpener.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { DbusNotifier } from '../../main/core/notify/dbusNotifier.js';
import { SecretResolver } from '../../main/core/secrets/secretResolver.js';
import { sourceFactories } from '../../main/core/sources/registry.js';
import { startPrivmxBridgeEmulator, type PrivmxBridgeEmulator } from '../emulators/privmx/index.js';
import { startSmsapiEmulator, type SmsapiEmulator } from '../emulators/smsapi/index.js';
import { startPrivateDesktop, type PrivateDesktop } from '../harness/privateBus.js';
import { restaurantsSettings } from '../harness/settings.js';
import { waitUntil } from '../harness/wait.js';

// Two restaurants, each on its own PrivMX Bridge and SMSAPI emulator, with the same thread id on both bridges: the
// real sources, pipeline, per-restaurant secrets (environment forms), cursors and SMS, on a private D-Bus desktop.
const THREAD = '65a1b2c3d4e5f60718293a4b';

let desktop: PrivateDesktop;
let bridges: PrivmxBridgeEmulator[];
let smses: SmsapiEmulator[];
let core: ServicebellCore | undefined;

beforeEach(async () => {
  desktop = await startPrivateDesktop();
  bridges = await Promise.all([startPrivmxBridgeEmulator(), startPrivmxBridgeEmulator()]);
  smses = await Promise.all([startSmsapiEmulator({ tokens: ['sms-trattoria'] }), startSmsapiEmulator({ tokens: ['sms-bistro'] })]);
});
afterEach(async () => {
  await core?.stop();
  core = undefined;
  await Promise.all([...bridges.map((b) => b.stop()), ...smses.map((s) => s.stop())]);
  await desktop.stop();
});

function seed(bridge: PrivmxBridgeEmulator) {
  const key = bridge.addApiKey();
  const ctx = bridge.addContext();
  bridge.addThread(ctx.id, { id: THREAD });
  return key;
}

describe('two restaurants side by side', () => {
  it('a fault in one restaurant’s Bridge does not disturb the other; each catches up and texts only its own phones', async () => {
    const [bridgeA, bridgeB] = bridges as [PrivmxBridgeEmulator, PrivmxBridgeEmulator];
    const [smsA, smsB] = smses as [SmsapiEmulator, SmsapiEmulator];
    const keyA = seed(bridgeA);
    const keyB = seed(bridgeB);
    const rule = { name: 'orders', match: { channel: 'thread' as const, threadId: THREAD }, title: 'New order', body: 'table {publicMeta.table}', actions: ['desktop' as const, 'sms' as const] };
    const settings = restaurantsSettings(
      [
        { id: 'default', name: 'Trattoria', privmx: { enabled: true, bridgeUrl: bridgeA.url, apiKeyId: keyA.id, rules: [rule] }, sms: { to: ['+48500100200'], apiUrl: smsA.url } },
        { id: 'bistro-mokotow', name: 'Bistro Mokotów', privmx: { enabled: true, bridgeUrl: bridgeB.url, apiKeyId: keyB.id, rules: [rule] }, sms: { to: ['+48500100300'], apiUrl: smsB.url } },
      ],
      { notifications: { burst: { count: 20, windowSeconds: 10 } } },
    );
    const env = {
      SERVICEBELL_PRIVMX_API_KEY_SECRET: keyA.secret,
      SERVICEBELL_SMSAPI_TOKEN: 'sms-trattoria',
      SERVICEBELL_PRIVMX_API_KEY_SECRET__BISTRO_MOKOTOW: keyB.secret,
      SERVICEBELL_SMSAPI_TOKEN__BISTRO_MOKOTOW: 'sms-bistro',
    };
    const logger = silentLogger();
    const secrets = new SecretResolver({ env, keychainUsable: false, logger, restaurantIds: () => settings.restaurants.map((r) => r.id) });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sb-isolation-'));
    core = await ServicebellCore.open({
      settings, dataDir,
      notifier: new DbusNotifier({ busAddress: desktop.busAddress, logger }), opener: createSystemOpener('linux'),
      getSecret: (ref) => secrets.get(ref), logger, sources: sourceFactories, hostName: 'isolation-host',
    });
    const bistroStates: string[] = [];
    core.onStatus((s) => s.restaurant === 'bistro-mokotow' && s.source === 'privmx' && bistroStates.push(s.state));
    const state = (restaurant: string): string | undefined => core?.statusList().find((s) => s.restaurant === restaurant && s.source === 'privmx')?.state;
    await core.start();
    await waitUntil(() => state('default') === 'connected' && state('bistro-mokotow') === 'connected', 5_000, 'both connected');

    bridgeA.sendMessage(THREAD, { author: 'a', publicMeta: { table: 1 } });
    bridgeB.sendMessage(THREAD, { author: 'b', publicMeta: { table: 2 } });
    await desktop.notifications.waitForCount(2);
    expect(desktop.notifications.notifications.map((n) => `${n.summary}: ${n.body}`).sort()).toEqual([
      'Bistro Mokotów · New order: table 2',
      'Trattoria · New order: table 1',
    ]);

    // Restaurant A's Bridge goes down for a while; B keeps working the whole time.
    const down = bridgeA.restart(2_500);
    await waitUntil(() => state('default') !== 'connected', 5_000, 'A notices its Bridge is gone');
    bridgeB.sendMessage(THREAD, { author: 'b', publicMeta: { table: 3 } });
    bridgeA.sendMessage(THREAD, { author: 'a', publicMeta: { table: 4 } }); // stored while nobody can receive it
    await desktop.notifications.waitFor((n) => n.body === 'table 3');
    expect(state('default')).not.toBe('connected');
    await down;
    await waitUntil(() => state('default') === 'connected', 15_000, 'A reconnected');
    await desktop.notifications.waitFor((n) => n.body === 'table 4', 10_000);
    // B never left `connected` once it got there.
    expect(bistroStates.slice(bistroStates.indexOf('connected')).every((s) => s === 'connected')).toBe(true);

    await smsA.waitForCount(2);
    await smsB.waitForCount(2);
    expect(smsA.messages.map((m) => [m.to, m.message])).toEqual([[['+48500100200'], 'New order: table 1'], [['+48500100200'], 'New order: table 4']]);
    expect(smsB.messages.map((m) => [m.to, m.message])).toEqual([[['+48500100300'], 'New order: table 2'], [['+48500100300'], 'New order: table 3']]);
    expect(core.history.list().map((e) => `${e.alert.restaurant}:${e.alert.body}`).sort()).toEqual([
      'bistro-mokotow:table 2', 'bistro-mokotow:table 3', 'default:table 1', 'default:table 4',
    ]);
    await core.stop();
    core = undefined;
    // The same thread id on both bridges: each restaurant keeps its own cursor.
    const cursors = (JSON.parse(readFileSync(path.join(dataDir, 'cursors.json'), 'utf8')) as { cursors: Record<string, string> }).cursors;
    expect(Object.keys(cursors).sort()).toEqual([`bistro-mokotow|privmx:thread:${THREAD}`, `privmx:thread:${THREAD}`]);
  });
});
