import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { Channels, contract } from '../../preload/contract.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { SecretResolver } from '../../main/core/secrets/secretResolver.js';
import type { Settings } from '../../main/core/settings/schema.js';
import type { SourceFactory } from '../../main/core/sources/source.js';
import { withRestaurant } from '../harness/settings.js';
import { createElectronOpener } from '../../main/electron/electronOpener.js';
import { createIpcApi } from '../../main/electron/ipcApi.js';
import { createDiagnosticsActions } from '../../main/electron/diagnosticsActions.js';
import { isTrustedSenderUrl, registerIpcHandlers } from '../../main/electron/ipcHandlers.js';
import { FakeIpcMain, FakeShell, openCore } from './fakes.js';

const noEnv = { SERVICEBELL_VONAGE_BACKEND_TOKEN: '', SERVICEBELL_PRIVMX_API_KEY_SECRET: '', SERVICEBELL_SMSAPI_TOKEN: '' };

/** For tests that do not look at diagnostics: what Electron's clipboard and a cancelled save dialog would do. */
const noDiagnostics = createDiagnosticsActions({
  clipboard: { writeText: async () => {} },
  dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
  defaultDir: os.tmpdir(),
  collect: async () => '',
});

async function setup() {
  const shell = new FakeShell();
  const core = await openCore({ opener: createElectronOpener(shell) });
  const secrets = new SecretResolver({ env: noEnv, keychainUsable: false, logger: silentLogger() });
  const saved: Settings[] = [];
  const login: boolean[] = [];
  const rejected: string[] = [];
  const ipcMain = new FakeIpcMain();
  const copied: string[] = [];
  const diagnostics = createDiagnosticsActions({
    clipboard: { writeText: async (text) => void copied.push(text) },
    dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
    defaultDir: os.tmpdir(),
    collect: async () => 'bundle',
  });
  const handlers = createIpcApi({ core, secrets, saveSettings: async (s) => void saved.push(s), setLaunchAtLogin: async (on) => void login.push(on), probes: [], diagnostics });
  const unregister = registerIpcHandlers({ ipcMain, handlers, trustedOrigin: 'app://servicebell', onRejected: (c, r) => rejected.push(`${c}: ${r}`) });
  return { core, ipcMain, saved, login, rejected, shell, unregister, secrets };
}

describe('IPC handlers', () => {
  it('registers exactly the contract channels, and removes them again', async () => {
    const { ipcMain, unregister, core } = await setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    await core.stop();
  });

  it('rejects requests from foreign senders without running the handler', async () => {
    const { ipcMain, core, rejected } = await setup();
    await core.pipeline.ingest({ id: 'k', source: 'vonage', kind: 'x', title: 't', body: 'b', receivedAt: 1 });
    for (const url of ['https://evil.example.com/settings.html', 'file:///opt/servicebell/settings.html', 'app://other/settings.html', 'http://servicebell/', null]) {
      await expect(ipcMain.invoke(Channels.historyClear, {}, url)).rejects.toThrow(/foreign sender/);
    }
    expect(core.history.size).toBe(1);
    expect(rejected).toHaveLength(5);
    expect(isTrustedSenderUrl('app://servicebell/history.html#x', 'app://servicebell')).toBe(true);
    await core.stop();
  });

  it('rejects malformed payloads with the path of the problem', async () => {
    const { ipcMain, core } = await setup();
    const bad: Array<[string, unknown, RegExp]> = [
      [Channels.settingsSave, { settings: 'all of them' }, /settings/],
      [Channels.settingsSave, { settings: {}, secrets: { 'vonage.password': 'x' } }, /secrets/],
      [Channels.settingsSave, { settings: {}, secrets: { 'smsapi.token': '' } }, /secrets/],
      [Channels.historySetRead, { keys: [], read: true }, /keys/],
      [Channels.historySetRead, { keys: [{ source: 'vonage', id: 'a', extra: 1 }], read: true }, /unknown key "extra"/],
      [Channels.historyJoin, { source: 'vonage' }, /id/],
      [Channels.historyClear, { everything: true }, /unknown key/],
      [Channels.settingsGet, 'please', /invalid request/],
      [Channels.secretDelete, { name: '../../etc/passwd' }, /name/],
    ];
    for (const [channel, payload, message] of bad) await expect(ipcMain.invoke(channel, payload)).rejects.toThrow(message);
    await core.stop();
  });

  it('settings:save answers schema problems as "path: message" lines and saves nothing', async () => {
    const { ipcMain, core, saved } = await setup();
    const answer = await ipcMain.invoke(Channels.settingsSave, { settings: { vonage: { enabled: true, backendUrl: 'ftp://x' }, sms: { to: ['0048'] } } });
    expect(answer).toMatchObject({ ok: false });
    const problems = (answer as { problems: string[] }).problems;
    expect(problems).toContain('restaurants[0] ("Restaurant").vonage.backendUrl: must be an http(s) URL');
    expect(problems.some((p) => p.startsWith('restaurants[0] ("Restaurant").sms.to[0]: must be an E.164'))).toBe(true);
    expect(saved).toHaveLength(0);
    await core.stop();
  });

  it('settings:save stores valid settings, applies them, sends secrets to the resolver and never returns them', async () => {
    const { ipcMain, core, saved, login, secrets } = await setup();
    const answer = await ipcMain.invoke(Channels.settingsSave, {
      settings: { ...withRestaurant(core.settings, { links: { allowedHosts: ['meet.example.com'] } }), ui: { launchAtLogin: true } },
      secrets: { 'vonage.backendToken': 'tok-Secret-123456' },
    });
    const status = { 'vonage.backendToken': 'memory', 'privmx.apiKeySecret': 'missing', 'smsapi.token': 'missing', 'mqtt.password': 'missing', 'ntfy.token': 'missing' };
    expect(answer).toEqual({ ok: true, secrets: status, restaurantSecrets: { default: status }, warnings: [] });
    expect(JSON.stringify(answer)).not.toContain('tok-Secret');
    expect(saved[0]?.restaurants[0]?.links.allowedHosts).toEqual(['meet.example.com']);
    expect(core.allowedHosts('default')).toEqual(['meet.example.com']);
    expect(login).toEqual([true]);
    expect(await secrets.get({ restaurant: 'default', name: 'vonage.backendToken' })).toBe('tok-Secret-123456');
    const got = (await ipcMain.invoke(Channels.settingsGet, {})) as { newRestaurant: Record<string, unknown> };
    expect(JSON.stringify(got)).not.toContain('tok-Secret');
    // What the window starts a new restaurant from: the schema's defaults, every connection off.
    expect(got.newRestaurant).toMatchObject({ muted: false, vonage: { enabled: false, eventTypes: ['support_request'] }, privmx: { enabled: false, rules: [] } });
    await core.stop();
  });

  it('history channels list, mark read, join (through the link policy) and clear', async () => {
    const { ipcMain, core, shell } = await setup();
    await core.pipeline.ingest({ id: 'a', source: 'vonage', kind: 'x', title: 'Table 1', body: 'b', link: 'https://meet.vonage.com/1', receivedAt: 1 });
    await core.pipeline.ingest({ id: 'b', source: 'vonage', kind: 'x', title: 'Table 2', body: 'b', link: 'javascript:alert(1)', receivedAt: 2 });
    const list = (await ipcMain.invoke(Channels.historyList, {})) as { items: Array<{ id: string; canJoin: boolean }>; unread: number; restaurants: unknown };
    expect(list.unread).toBe(2);
    expect(list.restaurants).toEqual([{ id: 'default', name: 'Restaurant' }]);
    expect(list.items.map((i) => [i.id, i.canJoin])).toEqual([['b', false], ['a', true]]);
    expect(JSON.stringify(list)).not.toContain('javascript:');
    expect(await ipcMain.invoke(Channels.historyJoin, { source: 'vonage', id: 'b' })).toEqual({ opened: false });
    expect(await ipcMain.invoke(Channels.historyJoin, { source: 'vonage', id: 'a' })).toEqual({ opened: true });
    expect(shell.opened).toEqual(['https://meet.vonage.com/1']);
    await ipcMain.invoke(Channels.historySetRead, { keys: [{ source: 'vonage', id: 'b' }], read: true });
    expect(core.history.unreadCount()).toBe(0);
    await ipcMain.invoke(Channels.historyClear, {});
    expect(core.history.size).toBe(0);
    await core.stop();
  });

  it('notify:test goes through the pipeline into history, stored read: the tray and History do not count it unread', async () => {
    const { ipcMain, core } = await setup();
    expect(await ipcMain.invoke(Channels.notifyTest, {})).toEqual({ shown: true });
    expect(core.history.list()[0]).toMatchObject({ alert: { source: 'servicebell', kind: 'test' }, read: true });
    expect(core.history.unreadCount()).toBe(0);
    expect(await ipcMain.invoke(Channels.checkRun, {})).toEqual([{ name: 'settings', ok: true, detail: 'valid' }]);
    await core.stop();
  });
});

describe('IPC shapes with several restaurants', () => {
  it('history items and status lines carry the restaurant; secrets are set, listed and deleted per restaurant', async () => {
    const two = {
      version: 2,
      restaurants: [
        { id: 'default', name: 'Trattoria' },
        { id: 'bistro-mokotow', name: 'Bistro Mokotów', links: { allowedHosts: ['meet.bistro.example'] } },
      ],
    };
    const vonage: SourceFactory = {
      kind: 'vonage', section: (r) => r.vonage, secrets: [], enabled: () => true,
      create: (ctx) => ({ name: 'vonage', start: async () => ctx.sink.status({ state: 'connected' }), reconnectNow: () => {}, stop: async () => {} }),
    };
    const core = await openCore({ settings: two, sources: [vonage] });
    const secrets = new SecretResolver({ env: noEnv, keychainUsable: false, logger: silentLogger(), restaurantIds: () => core.settings.restaurants.map((r) => r.id) });
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers({
      ipcMain,
      handlers: createIpcApi({ core, secrets, saveSettings: async () => {}, setLaunchAtLogin: async () => {}, probes: [], diagnostics: noDiagnostics }),
      trustedOrigin: 'app://servicebell',
      onRejected: () => {},
    });
    await core.pipeline.ingest({ id: 'a', restaurant: 'bistro-mokotow', source: 'vonage', kind: 'x', title: 'Table 1', body: 'b', link: 'https://meet.bistro.example/1', receivedAt: 1 });
    const list = (await ipcMain.invoke(Channels.historyList, {})) as { items: Array<Record<string, unknown>> };
    expect(list.items[0]).toMatchObject({ restaurant: 'bistro-mokotow', restaurantName: 'Bistro Mokotów', canJoin: true });
    expect(await ipcMain.invoke(Channels.historyJoin, { source: 'vonage', id: 'a' })).toEqual({ opened: false }); // no such alert in `default`
    await core.start();
    expect(await ipcMain.invoke(Channels.statusList, {})).toEqual([
      { restaurant: 'default', restaurantName: 'Trattoria', source: 'vonage', state: 'connected', at: expect.any(Number) },
      { restaurant: 'bistro-mokotow', restaurantName: 'Bistro Mokotów', source: 'vonage', state: 'connected', at: expect.any(Number) },
    ]);

    const saved = await ipcMain.invoke(Channels.settingsSave, { settings: two, restaurantSecrets: { 'bistro-mokotow': { 'privmx.apiKeySecret': 'px-bistro-1' } } });
    expect(saved).toMatchObject({ ok: true, restaurantSecrets: { default: { 'privmx.apiKeySecret': 'missing' }, 'bistro-mokotow': { 'privmx.apiKeySecret': 'memory' } } });
    expect(await secrets.get({ restaurant: 'bistro-mokotow', name: 'privmx.apiKeySecret' })).toBe('px-bistro-1');
    expect(await secrets.get({ restaurant: 'default', name: 'privmx.apiKeySecret' })).toBeUndefined();
    const unknown = await ipcMain.invoke(Channels.settingsSave, { settings: two, restaurantSecrets: { elsewhere: { 'smsapi.token': 'x' } } });
    expect(unknown).toEqual({ ok: false, problems: ['restaurantSecrets: no restaurant "elsewhere" in the settings'] });
    expect(await ipcMain.invoke(Channels.secretDelete, { name: 'privmx.apiKeySecret', restaurant: 'bistro-mokotow' })).toMatchObject({ 'privmx.apiKeySecret': 'missing' });
    await expect(ipcMain.invoke(Channels.secretDelete, { name: 'privmx.apiKeySecret', restaurant: 42 })).rejects.toThrow(/restaurant/);
    await core.stop();
  });
});
