import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServicebellCore } from '../../main/core/app/servicebellCore.js';
import type { SourceFactory } from '../../main/core/sources/source.js';
import { systemClock } from '../../main/core/connection/clock.js';
import { silentLogger } from '../../main/core/log/logger.js';
import { parseSettings, readSettingsFile, upgradeSettingsFile } from '../../main/core/settings/settingsFile.js';
import type { SourceSink } from '../../main/core/sources/source.js';
import { CursorStore } from '../../main/core/storage/cursorStore.js';
import { RecordingNotifier } from '../harness/recordingNotifier.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/settings');
const dir = (): string => mkdtempSync(path.join(os.tmpdir(), 'sb-migrate-'));
const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

function installed(fixture: string): { d: string; file: string; original: string } {
  const d = dir();
  const file = path.join(d, 'config.json');
  copyFileSync(path.join(FIXTURES, fixture), file);
  return { d, file, original: readFileSync(file, 'utf8') };
}

describe('settings migration to version 2 (real files)', () => {
  it('the fleet example of version 1 becomes restaurant "default" with every section as it was, on disk, with a backup', async () => {
    const { d, file, original } = installed('fleet-v1.json');
    const v1 = JSON.parse(original) as Record<string, unknown>;
    const result = await upgradeSettingsFile(file);
    expect(result.status).toBe('upgraded');
    if (result.status !== 'upgraded') return;
    expect(result.from).toBe(1);
    expect(result.backup).toBe(`${file}.v1.bak`);
    expect(readFileSync(result.backup, 'utf8')).toBe(original);
    expect(readdirSync(d).sort()).toEqual(['config.json', 'config.json.v1.bak']);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const onDisk = json(file);
    expect(onDisk.version).toBe(2);
    expect(Object.keys(onDisk).sort()).toEqual(['notifications', 'restaurants', 'ui', 'updates', 'version']);
    const [restaurant] = onDisk.restaurants as Array<Record<string, unknown>>;
    expect(restaurant).toMatchObject({ id: 'default', name: 'Restaurant', muted: false });
    for (const section of ['vonage', 'privmx', 'sms', 'links'] as const) expect(restaurant?.[section]).toMatchObject(v1[section] as object);
    for (const section of ['notifications', 'ui', 'updates'] as const) expect(onDisk[section]).toEqual(v1[section]);

    // Read again: already version 2, so nothing more changes.
    const again = await upgradeSettingsFile(file);
    expect(again.status).toBe('unchanged');
    expect(again.read).toMatchObject({ status: 'ok', migratedFrom: undefined });
    expect(again.read.status === 'ok' && again.read.settings).toEqual(result.read.settings);
  });

  it('a version-0 prototype file (no version, flat keys) migrates through version 1 to 2', async () => {
    const { file, original } = installed('prototype-v0.json');
    const result = await upgradeSettingsFile(file);
    expect(result.status === 'upgraded' && [result.from, path.basename(result.backup)]).toEqual([0, 'config.json.v0.bak']);
    expect(readFileSync(`${file}.v0.bak`, 'utf8')).toBe(original);
    const read = await readSettingsFile(file);
    expect(read.status === 'ok' && read.settings.restaurants).toEqual([
      expect.objectContaining({
        id: 'default',
        vonage: expect.objectContaining({ enabled: true, backendUrl: 'https://backend.example-restaurant.com', username: 'front-of-house-01' }),
        privmx: expect.objectContaining({ enabled: true, bridgeUrl: 'https://bridge.example-restaurant.com', apiKeyId: 'servicebell-proto' }),
        sms: expect.objectContaining({ to: ['+48500100200'] }),
        links: { allowedHosts: ['*.vonage.com'] },
      }),
    ]);
  });

  it('leaves a file that does not validate exactly as it is (no rewrite, no backup), naming the restaurant in each problem', async () => {
    const d = dir();
    const file = path.join(d, 'config.json');
    const text = JSON.stringify({ version: 1, privmx: { rules: [{ match: { channel: 'thread', thraedId: 'x' }, title: 't' }] } });
    writeFileSync(file, text);
    const result = await upgradeSettingsFile(file);
    expect(result.status).toBe('unchanged');
    expect(result.read).toEqual({ status: 'invalid', problems: ['restaurants[0] ("Restaurant").privmx.rules[0].match: unknown key "thraedId"'] });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(d)).toEqual(['config.json']);
  });

  it('never overwrites an earlier backup', async () => {
    const { d, file, original } = installed('fleet-v1.json');
    await upgradeSettingsFile(file);
    writeFileSync(file, original.replace('front-of-house-01', 'front-of-house-02')); // an old copy put back
    const second = await upgradeSettingsFile(file, () => Date.UTC(2026, 11, 2, 12, 0, 0));
    expect(second.status).toBe('upgraded');
    expect(readFileSync(`${file}.v1.bak`, 'utf8')).toBe(original);
    expect(second.status === 'upgraded' && path.basename(second.backup)).toBe('config.json.v1.bak-2026-12-02T12-00-00-000Z');
    expect(readdirSync(d)).toHaveLength(3);
  });

  it('an upgraded install reads the same cursors and recognizes the same history: nothing replayed, nothing repeated', async () => {
    const { d, file } = installed('fleet-v1.json');
    // What a version-1 install left behind: a cursor and a history entry written before restaurants existed.
    writeFileSync(path.join(d, 'cursors.json'), JSON.stringify({ version: 1, cursors: { 'vonage:CON-1': '41' } }));
    const oldEntry = { alert: { id: 'CON-1:41', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'a@x.io', receivedAt: 1, meta: {} }, shown: true, read: false };
    writeFileSync(path.join(d, 'history.json'), JSON.stringify({ version: 1, entries: [oldEntry] }));
    const upgraded = await upgradeSettingsFile(file);
    if (upgraded.status !== 'upgraded') throw new Error(upgraded.status);

    let sink: SourceSink | undefined;
    let cursorSeen: string | undefined;
    const factory: SourceFactory = {
      kind: 'vonage',
      section: (r) => r.vonage,
      secrets: [],
      enabled: (r) => r.vonage.enabled,
      create: (ctx) => {
        sink = ctx.sink;
        cursorSeen = ctx.cursors.get('vonage:CON-1');
        return { name: 'vonage', start: async () => {}, reconnectNow: () => {}, stop: async () => {} };
      },
    };
    const notifier = new RecordingNotifier();
    // The fixture keeps quiet hours 23:00–07:00: hold the clock at local noon so the test means the same at any hour.
    const noon = new Date();
    noon.setHours(12, 0, 0, 0);
    const core = await ServicebellCore.open({
      settings: upgraded.read.settings,
      clock: { ...systemClock, now: () => noon.getTime() },
      dataDir: d,
      notifier,
      opener: { open: async () => {} },
      getSecret: async () => undefined,
      logger: silentLogger(),
      sources: [factory],
    });
    await core.start();
    expect(cursorSeen).toBe('41');
    expect(core.history.list()[0]?.alert.restaurant).toBe('default');
    await sink?.alert({ id: 'CON-1:41', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'a@x.io', receivedAt: 2 });
    expect(core.history.size).toBe(1);
    expect(notifier.shown).toHaveLength(0);
    await sink?.alert({ id: 'CON-1:42', source: 'vonage', kind: 'support_request', title: 'Support request', body: 'b@x.io', receivedAt: 3 });
    expect(core.history.size).toBe(2);
    expect(notifier.shown.map((n) => n.key)).toEqual(['vonage/CON-1:42']);
    await core.stop();
    // Another restaurant's cursors live under their own keys; the default restaurant's stay where they were.
    const cursors = await CursorStore.open(d);
    await cursors.scoped('bistro-mokotow', 'default').set('vonage:CON-1', '7');
    expect(json(path.join(d, 'cursors.json')).cursors).toEqual({ 'vonage:CON-1': '41', 'bistro-mokotow|vonage:CON-1': '7' });
  });
});

describe('settings version 2 validation', () => {
  const two = (extra: Record<string, unknown> = {}) => ({
    version: 2,
    restaurants: [
      { id: 'trattoria', name: 'Trattoria' },
      { id: 'bistro-mokotow', name: 'Bistro Mokotów', privmx: { rules: [{ match: { channel: 'thread', thraedId: 'x' }, title: 't' }] }, ...extra },
    ],
  });

  it('names the restaurant in every problem: its place and the name people know', () => {
    const result = parseSettings(two({ colour: 'red' }));
    expect(result.ok ? [] : result.problems).toEqual([
      'restaurants[1] ("Bistro Mokotów").privmx.rules[0].match: unknown key "thraedId"',
      'restaurants[1] ("Bistro Mokotów"): unknown key "colour"',
    ]);
  });

  it('refuses duplicate ids, an empty list, a bad id and a missing name, each with its path', () => {
    const dup = parseSettings({ version: 2, restaurants: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] });
    expect(dup.ok ? [] : dup.problems).toEqual(['restaurants[1] ("B").id: duplicate id "a" (also restaurants[0])']);
    const empty = parseSettings({ version: 2, restaurants: [] });
    expect(empty.ok ? [] : empty.problems).toEqual(['restaurants: must list at least one restaurant']);
    const bad = parseSettings({ version: 2, restaurants: [{ id: 'Bistro Mokotów', name: '' }] });
    expect(bad.ok ? [] : bad.problems).toEqual([
      expect.stringMatching(/^restaurants\[0\]\.id: must be a slug/),
      'restaurants[0].name: must not be empty',
    ]);
  });

  it('a hand-written version 2 without "version" is read as version 2, not as a prototype', () => {
    const result = parseSettings({ restaurants: [{ id: 'x', name: 'X', vonage: { enabled: true } }] });
    expect(result.ok && [result.migratedFrom, result.settings.restaurants[0]?.vonage.enabled]).toEqual([undefined, true]);
  });
});
